/* ctg-field-message.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CTG_TYPE_FIELD_MESSAGE (ctg_field_message_get_type ())

G_DECLARE_FINAL_TYPE (CtgFieldMessage, ctg_field_message, CTG, FIELD_MESSAGE, AdwPreferencesRow)

GtkWidget  *ctg_field_message_new          (void);
void        ctg_field_message_show_error   (CtgFieldMessage *self,
                                            GtkWidget       *field,
                                            const char      *message);
void        ctg_field_message_show_warning (CtgFieldMessage *self,
                                            GtkWidget       *field,
                                            const char      *message);
void        ctg_field_message_clear        (CtgFieldMessage *self,
                                            GtkWidget       *field);
gboolean    ctg_field_message_is_error     (CtgFieldMessage *self);
const char *ctg_field_message_get_text     (CtgFieldMessage *self);

G_END_DECLS
