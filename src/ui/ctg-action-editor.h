/* ctg-action-editor.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_ACTION_EDITOR (ctg_action_editor_get_type ())

G_DECLARE_FINAL_TYPE (CtgActionEditor, ctg_action_editor, CTG, ACTION_EDITOR, GtkWidget)

GtkWidget   *ctg_action_editor_new          (void);
void         ctg_action_editor_set_document (CtgActionEditor *self,
                                             CtgDocument     *document);
void         ctg_action_editor_set_action   (CtgActionEditor *self,
                                             gint64           action_id);
gint64       ctg_action_editor_get_action   (CtgActionEditor *self);

G_END_DECLS
