/* ctg-plan-update.h: taking a partner's filled-in sheet back
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-document.h"

G_BEGIN_DECLS

typedef struct _CtgPlanRowRef CtgPlanRowRef;

/**
 * CtgPlanChange:
 * @action_id: the action changed, or 0 for a new action
 * @action_title: the action's title, to show
 * @field: the field changed ("status", "pilots", ...), or %NULL for a new action
 * @label: the field's name, translated
 * @old_text: (nullable): the value in the convention, as shown
 * @new_text: the value in the sheet, as shown
 * @line: the row of the sheet
 * @apply: whether to apply it (all are, unless unticked)
 *
 * One change a returned sheet proposes.
 */
typedef struct
{
  gint64         action_id;
  char          *action_title;
  char          *field;
  char          *label;
  char          *old_text;
  char          *new_text;
  guint          line;
  gboolean       apply;

  /*< private >*/
  char          *value;
  GPtrArray     *participants;
  CtgPlanRowRef *row;
} CtgPlanChange;

void        ctg_plan_change_free      (CtgPlanChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgPlanChange, ctg_plan_change_free)

GPtrArray  *ctg_plan_update_compute   (CtgDocument   *self,
                                       GBytes        *bytes,
                                       const char    *sheet,
                                       GPtrArray     *warnings,
                                       GError       **error);
gboolean    ctg_plan_update_apply     (CtgDocument   *self,
                                       GPtrArray     *changes,
                                       GError       **error);
char       *ctg_plan_change_describe  (CtgPlanChange *change);

G_END_DECLS
