/* ctg-member-row.c: one member of a governance body (COPIL, COTECH, ...)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-item-row.h"

struct _CtgMemberRow
{
  CtgItemRow parent_instance;
};

G_DEFINE_FINAL_TYPE (CtgMemberRow, ctg_member_row, CTG_TYPE_ITEM_ROW)

static const CtgItemRowSpec member_spec = {
  .kind = CTG_ITEM_MEMBER,
  .icon_name = "avatar-default-symbolic",
  .title_field = "name",
  .untitled = N_("Unnamed member"),
  .subtitle_fields = { "role", "organisation" },
  .entry_fields = { "name", "role", "organisation" },
  .entry_labels = { N_("Name"), N_("Role"), N_("Organisation") },
  .delete_label = N_("_Remove Member"),
  /* Translators: shown after removing a member from a COPIL, COTECH, ... */
  .deleted_named = N_("Member “%s” removed"),
  .deleted = N_("Member removed"),
};

static void
ctg_member_row_class_init (CtgMemberRowClass *klass)
{
  CTG_ITEM_ROW_CLASS (klass)->spec = &member_spec;
}

static void
ctg_member_row_init (CtgMemberRow *self)
{
}

GtkWidget *
ctg_member_row_new (CtgDocument *document,
                    gint64       id)
{
  CtgItemRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_MEMBER_ROW, NULL);
  _ctg_item_row_setup (self, document, id);
  ctg_item_row_refresh (self);
  return GTK_WIDGET (self);
}
