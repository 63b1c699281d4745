/* ctg-signatory-row.c: one signatory of the convention, in an expander row
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-signatory-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-item-row.h"

struct _CtgSignatoryRow
{
  CtgItemRow parent_instance;
};

G_DEFINE_FINAL_TYPE (CtgSignatoryRow, ctg_signatory_row, CTG_TYPE_ITEM_ROW)

static const CtgItemRowSpec signatory_spec = {
  .kind = CTG_ITEM_SIGNATORY,
  .title_field = "organisation",
  .untitled = N_("Unnamed signatory"),
  .subtitle_fields = { "representative", "role" },
  .entry_fields = { "organisation", "representative", "role" },
  .entry_labels = { N_("Organisation"), N_("Representative"), N_("Role") },
  .movable = TRUE,
  .delete_label = N_("_Delete Signatory"),
  /* Translators: shown after deleting a signatory, with an Undo button */
  .deleted_named = N_("Signatory “%s” deleted"),
  .deleted = N_("Signatory deleted"),
};

static void
ctg_signatory_row_class_init (CtgSignatoryRowClass *klass)
{
  CTG_ITEM_ROW_CLASS (klass)->spec = &signatory_spec;
}

static void
ctg_signatory_row_init (CtgSignatoryRow *self)
{
}

GtkWidget *
ctg_signatory_row_new (CtgDocument *document,
                       gint64       id)
{
  CtgItemRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_SIGNATORY_ROW, NULL);
  _ctg_item_row_setup (self, document, id);
  return GTK_WIDGET (self);
}
