/* ctg-error.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CTG_DOCUMENT_ERROR (ctg_document_error_quark ())

/**
 * CtgDocumentError:
 * @CTG_DOCUMENT_ERROR_NOT_FOUND: the file does not exist
 * @CTG_DOCUMENT_ERROR_NOT_CTG: the file is not a CTG Planner convention
 * @CTG_DOCUMENT_ERROR_DAMAGED: the file is a convention but is damaged
 * @CTG_DOCUMENT_ERROR_NEWER_VERSION: made by a newer version of CTG Planner
 * @CTG_DOCUMENT_ERROR_READ_ONLY: the document cannot be changed
 * @CTG_DOCUMENT_ERROR_ALREADY_OPEN: another program is editing the file
 * @CTG_DOCUMENT_ERROR_DISK_FULL: no space left to write
 * @CTG_DOCUMENT_ERROR_INVALID_VALUE: a value was refused (date, progress, ...)
 * @CTG_DOCUMENT_ERROR_NO_SUCH_ITEM: the item does not exist (any more)
 * @CTG_DOCUMENT_ERROR_NOTHING_TO_UNDO: the undo (or redo) stack is empty
 * @CTG_DOCUMENT_ERROR_BAD_CSV: a plan table could not be imported
 * @CTG_DOCUMENT_ERROR_FAILED: any other failure
 * @CTG_DOCUMENT_ERROR_MERGE_CONFLICT: a merge has conflicts left to resolve
 * @CTG_DOCUMENT_ERROR_UNRELATED: two files cannot be merged: never one
 *   convention, or one's history no longer reaches where they parted
 */
typedef enum
{
  CTG_DOCUMENT_ERROR_NOT_FOUND,
  CTG_DOCUMENT_ERROR_NOT_CTG,
  CTG_DOCUMENT_ERROR_DAMAGED,
  CTG_DOCUMENT_ERROR_NEWER_VERSION,
  CTG_DOCUMENT_ERROR_READ_ONLY,
  CTG_DOCUMENT_ERROR_ALREADY_OPEN,
  CTG_DOCUMENT_ERROR_DISK_FULL,
  CTG_DOCUMENT_ERROR_INVALID_VALUE,
  CTG_DOCUMENT_ERROR_NO_SUCH_ITEM,
  CTG_DOCUMENT_ERROR_NOTHING_TO_UNDO,
  CTG_DOCUMENT_ERROR_BAD_CSV,
  CTG_DOCUMENT_ERROR_FAILED,
  CTG_DOCUMENT_ERROR_MERGE_CONFLICT,
  CTG_DOCUMENT_ERROR_UNRELATED,
} CtgDocumentError;

GQuark ctg_document_error_quark (void);

G_END_DECLS
