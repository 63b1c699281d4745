/* ctg-year-notes-group.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_YEAR_NOTES_GROUP (ctg_year_notes_group_get_type ())

G_DECLARE_FINAL_TYPE (CtgYearNotesGroup, ctg_year_notes_group, CTG, YEAR_NOTES_GROUP, AdwPreferencesGroup)

GtkWidget *ctg_year_notes_group_new      (void);
void       ctg_year_notes_group_show     (CtgYearNotesGroup *self,
                                          CtgDocument       *document,
                                          CtgAction         *action,
                                          gboolean           force);
void       ctg_year_notes_group_set_year (CtgYearNotesGroup *self,
                                          guint              year);
guint      ctg_year_notes_group_get_year (CtgYearNotesGroup *self);
void       ctg_year_notes_group_set_editable (CtgYearNotesGroup *self,
                                          gboolean           editable);

G_END_DECLS
