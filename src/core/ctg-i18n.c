/* ctg-i18n.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ctg-i18n.h"

/**
 * ctg_i18n_init:
 *
 * Sets the user's locale and binds our text domain, for the app, `ctg` and
 * the tests alike: from $CTG_LOCALEDIR when it is set (the tests, an
 * uninstalled build), else from where the translations are installed.
 */
void
ctg_i18n_init (void)
{
  const char *localedir = g_getenv ("CTG_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
