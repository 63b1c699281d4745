/* ctg-funding-group.c: an action's budget and funders, in its detail view
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-funding-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-funding-group.h"
#include "ctg-text-row.h"

struct _CtgFundingGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Widgets */
  AdwEntryRow         *budget_row;
  AdwEntryRow         *budget_year_row;
  CtgTextRow          *funders_row;
  CtgFieldMessage     *message;

  /* Owned references */
  CtgDocument         *document;
  CtgAction           *action;     /* live: its notifications show here */
};

G_DEFINE_FINAL_TYPE (CtgFundingGroup, ctg_funding_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_budget (CtgFundingGroup *self,
             gboolean         force)
{
  gint64 budget = ctg_action_get_budget (self->action);
  g_autofree char *text = budget >= 0 ? ctg_amount_format (budget) : g_strdup ("");

  _ctg_entry_row_update (self->budget_row, text, force);
}

static void
show_budget_year (CtgFundingGroup *self,
                  gboolean         force)
{
  guint year = ctg_action_get_budget_year (self->action);
  g_autofree char *text = year > 0 ? g_strdup_printf ("%u", year) : g_strdup ("");

  _ctg_entry_row_update (self->budget_year_row, text, force);
}

static void
show_funders (CtgFundingGroup *self,
              gboolean         force)
{
  /* One funder per line, in the form the row reads back */
  g_autofree char *funders = ctg_funding_list_join (ctg_action_get_funding (self->action), "\n");

  ctg_text_row_update (self->funders_row, funders, force);
}

/* A field of the action changed, whoever wrote it: its row shows it, even
 * over what was typed there */
static void
on_action_notify_cb (CtgFundingGroup *self,
                     GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "budget"))
    show_budget (self, TRUE);
  else if (g_str_equal (pspec->name, "budget-year"))
    show_budget_year (self, TRUE);
  else if (g_str_equal (pspec->name, "funding"))
    show_funders (self, TRUE);
}

static void
commit_field (CtgFundingGroup *self,
              AdwEntryRow     *row)
{
  g_autoptr(GError) error = NULL;
  const char *field = row == self->budget_row ? "budget" : "budget-year";

  if (self->document == NULL || self->action == NULL)
    return;
  ctg_field_message_clear (self->message, GTK_WIDGET (row));
  if (!ctg_item_set (CTG_ITEM (self->action), field, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    ctg_field_message_show_error (self->message, GTK_WIDGET (row), error->message);
  /* What the document holds, as it writes it back: a value it took as it
   * was, or refused, notified nothing */
  if (row == self->budget_row)
    show_budget (self, TRUE);
  else
    show_budget_year (self, TRUE);
}

static void
on_entry_applied_cb (CtgFundingGroup *self,
                     AdwEntryRow     *row)
{
  commit_field (self, row);
}

static void
on_entry_activated_cb (CtgFundingGroup *self,
                       AdwEntryRow     *row)
{
  if (_ctg_entry_row_is_modified (row))
    commit_field (self, row);
}

static void
on_funders_applied_cb (CtgFundingGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL || self->action == NULL)
    return;
  text = ctg_text_row_dup_text (self->funders_row);
  ctg_field_message_clear (self->message, GTK_WIDGET (self->funders_row));
  funding = ctg_funding_list_parse (text, &error);
  if (funding == NULL ||
      !ctg_document_set_funding (self->document, ctg_action_get_id (self->action), funding, &error))
    {
      /* Keep what was typed, to be corrected */
      ctg_field_message_show_error (self->message, GTK_WIDGET (self->funders_row), error->message);
      return;
    }
  show_funders (self, TRUE);
}

static void
follow_action (CtgFundingGroup *self,
               CtgAction       *action)
{
  if (self->action == action)
    return;
  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  g_set_object (&self->action, action);
  if (action != NULL)
    g_signal_connect_object (action, "notify", G_CALLBACK (on_action_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
ctg_funding_group_dispose (GObject *object)
{
  CtgFundingGroup *self = (CtgFundingGroup *)object;

  follow_action (self, NULL);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ctg_funding_group_parent_class)->dispose (object);
}

static void
ctg_funding_group_class_init (CtgFundingGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ctg_funding_group_dispose;
}

static AdwEntryRow *
add_entry_row (CtgFundingGroup *self,
               const char      *title,
               const char      *name)
{
  AdwEntryRow *row = _ctg_entry_row_new (title, name, G_CALLBACK (on_entry_applied_cb), self);

  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
  return row;
}

static void
ctg_funding_group_init (CtgFundingGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Funding"));

  self->budget_row = add_entry_row (self, _("Budget (€)"), "budget-row");
  self->budget_year_row = add_entry_row (self, _("Year of the Budget"), "budget-year-row");

  self->funders_row = CTG_TEXT_ROW (ctg_text_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->funders_row), _("Funders"));
  gtk_widget_set_name (GTK_WIDGET (self->funders_row), "funders-row");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->funders_row),
                               _("One funder per line: Caf, Commune, Département, État or another name, "
                                 "with the place in brackets and the amount after a colon: "
                                 "“Commune (Romans): 5000”"));
  g_signal_connect_swapped (self->funders_row, "apply", G_CALLBACK (on_funders_applied_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->funders_row));

  self->message = CTG_FIELD_MESSAGE (ctg_field_message_new ());
  gtk_widget_set_name (GTK_WIDGET (self->message), "funding-message");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));
}

GtkWidget *
ctg_funding_group_new (void)
{
  return g_object_new (CTG_TYPE_FUNDING_GROUP, NULL);
}

/**
 * ctg_funding_group_show:
 * @action: the live action, followed from then on
 * @force: another action is shown: replace what the user was typing
 */
void
ctg_funding_group_show (CtgFundingGroup *self,
                        CtgDocument     *document,
                        CtgAction       *action,
                        gboolean         force)
{
  g_return_if_fail (CTG_IS_FUNDING_GROUP (self));
  g_return_if_fail (CTG_IS_ACTION (action));

  g_set_object (&self->document, document);
  if (force || self->action != action)
    {
      ctg_field_message_clear (self->message, GTK_WIDGET (self->budget_row));
      ctg_field_message_clear (self->message, GTK_WIDGET (self->budget_year_row));
      ctg_field_message_clear (self->message, GTK_WIDGET (self->funders_row));
      force = TRUE;
    }
  follow_action (self, action);
  show_budget (self, force);
  show_budget_year (self, force);
  show_funders (self, force);
}

void
ctg_funding_group_set_editable (CtgFundingGroup *self,
                                gboolean         editable)
{
  g_return_if_fail (CTG_IS_FUNDING_GROUP (self));

  _ctg_entry_row_set_editable (self->budget_row, editable);
  _ctg_entry_row_set_editable (self->budget_year_row, editable);
  ctg_text_row_set_editable (self->funders_row, editable);
}
