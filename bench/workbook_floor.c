/* The workbook floor: what libxlsxwriter alone costs to write the cells of a Board
 * workbook. It reads, a line at a time, the records workbook_cells.py listed from a
 * workbook hiplan wrote (sheets, text and number cells, row heights, tables), writes each
 * with libxlsxwriter, one text-wrap format for every cell, and closes the workbook.
 *
 *   workbook_floor [--constant-memory] CELLS OUT.xlsx
 *
 * --constant-memory writes in libxlsxwriter's constant-memory mode, which streams each
 * row to a temporary file and has no shared strings; the mode cannot add tables, so the
 * tables are left out: what the Board workbook would cost written that way.
 *
 * hiplan's compile cannot lay out the workbook before every file is linted (the round's
 * figures need them all), and one libxlsxwriter workbook is written by one thread; so
 * compile takes at least lint's time plus this. Exit status 0 when written, 1 otherwise. */
#define _POSIX_C_SOURCE 200809L /* getline */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

/* Undoes workbook_cells.py's escapes of a field, in place. */
static void unescape(char* field) {
    char* w = field;
    for (char* r = field; *r != '\0'; ++r) {
        if (*r == '\\' && r[1] != '\0') {
            ++r;
            *w++ = *r == 'n' ? '\n' : *r == 't' ? '\t' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Splits the line `p` (its line end removed) into at most `max` tab-separated fields, in
 * place, and unescapes them. Returns the number of fields. */
static int fields(char* p, char** out, int max) {
    int n = 0;
    out[n++] = p;
    while (n < max && (p = strchr(p, '\t')) != NULL) {
        *p++ = '\0';
        out[n++] = p;
    }
    for (int i = 0; i < n; ++i) {
        unescape(out[i]);
    }
    return n;
}

/* Adds a table with the headers of its columns (f[5] onwards), as hiplan does. */
static lxw_error add_table(lxw_worksheet* ws, char** f, int n) {
    enum { k_most = 64 };
    lxw_table_column columns[k_most] = {{0}};
    lxw_table_column* list[k_most + 1] = {0};
    for (int i = 5; i < n && i - 5 < k_most; ++i) {
        columns[i - 5].header = f[i];
        list[i - 5] = &columns[i - 5];
    }
    lxw_table_options options = {.columns = list};
    return worksheet_add_table(ws, (lxw_row_t)atol(f[1]), (lxw_col_t)atoi(f[2]), (lxw_row_t)atol(f[3]),
                               (lxw_col_t)atoi(f[4]), &options);
}

int main(int argc, char** argv) {
    const int streamed = argc == 4 && strcmp(argv[1], "--constant-memory") == 0;
    if (argc != 3 + streamed) {
        fprintf(stderr, "usage: workbook_floor [--constant-memory] CELLS OUT.xlsx\n");
        return 1;
    }
    const char* cells = argv[1 + streamed];
    const char* out = argv[2 + streamed];
    FILE* in = fopen(cells, "rb");
    if (in == NULL) {
        fprintf(stderr, "workbook_floor: cannot read %s\n", cells);
        return 1;
    }
    lxw_workbook_options options = {.constant_memory = (uint8_t)streamed};
    lxw_workbook* wb = workbook_new_opt(out, &options);
    if (wb == NULL) {
        fprintf(stderr, "workbook_floor: cannot create %s\n", out);
        return 1;
    }
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    lxw_worksheet* ws = NULL;
    char* f[70];
    lxw_error error = LXW_NO_ERROR;
    char* line = NULL;
    size_t cap = 0;
    ssize_t got;
    while (error == LXW_NO_ERROR && (got = getline(&line, &cap, in)) > 0) {
        if (line[got - 1] == '\n') {
            line[got - 1] = '\0';
        }
        const int n = fields(line, f, 70);
        const char kind = f[0][0];
        if (kind == 'S' && n == 2) {
            ws = workbook_add_worksheet(wb, f[1]);
        } else if (ws == NULL) {
            continue;
        } else if (kind == 'T' && n == 4) {
            error = worksheet_write_string(ws, (lxw_row_t)atol(f[1]), (lxw_col_t)atoi(f[2]), f[3], wrap);
        } else if (kind == 'N' && n == 4) {
            error = worksheet_write_number(ws, (lxw_row_t)atol(f[1]), (lxw_col_t)atoi(f[2]), atof(f[3]), wrap);
        } else if (kind == 'H' && n == 3) {
            error = worksheet_set_row(ws, (lxw_row_t)atol(f[1]), atof(f[2]), NULL);
        } else if (kind == 'B' && n >= 5 && !streamed) {
            error = add_table(ws, f, n);
        }
    }
    if (error == LXW_NO_ERROR) {
        error = workbook_close(wb);
    }
    free(line);
    fclose(in);
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "workbook_floor: %s\n", lxw_strerror(error));
        return 1;
    }
    printf("wrote %s\n", out);
    return 0;
}
