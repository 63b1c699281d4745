/* ctg-array-model.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CTG_TYPE_ARRAY_MODEL (ctg_array_model_get_type ())

G_DECLARE_FINAL_TYPE (CtgArrayModel, ctg_array_model, CTG, ARRAY_MODEL, GObject)

GListModel *ctg_array_model_new (GType      item_type,
                                 GPtrArray *items);

G_END_DECLS
