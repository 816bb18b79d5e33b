// libxlsxwriter's functions that hiplan calls, defined here as forwarders to the library
// opened on first use (util/shared_library.hpp), so that `lint` does not load it. Each
// definition must match the declaration in <xlsxwriter.h> (a C function cannot be
// overloaded, so a mismatch does not compile), and a function the workbook code calls
// but that is missing here fails at link time.
#include "hiplan/xlsx/library.hpp"

#include <xlsxwriter.h>

#include "hiplan/util/shared_library.hpp"

namespace hiplan::xlsx {

namespace {

SharedLibrary& library() {
    static SharedLibrary lib(HIPLAN_XLSXWRITER_SONAME, "writes the Board workbook",
                             HIPLAN_XLSXWRITER_PACKAGE);
    return lib;
}

}  // namespace

bool load_library(std::string& error) {
    return library().load(error);
}

}  // namespace hiplan::xlsx

#define HIPLAN_FORWARD(...) HIPLAN_FORWARD_TO(hiplan::xlsx::library(), __VA_ARGS__)

extern "C" {
// clang-format off
HIPLAN_FORWARD(lxw_chart_series*, chart_add_series, (lxw_chart* chart, const char* categories, const char* values), (chart, categories, values))
HIPLAN_FORWARD(void, chart_axis_set_num_font, (lxw_chart_axis* axis, lxw_chart_font* font), (axis, font))
HIPLAN_FORWARD(void, chart_legend_set_font, (lxw_chart* chart, lxw_chart_font* font), (chart, font))
HIPLAN_FORWARD(void, chart_legend_set_position, (lxw_chart* chart, uint8_t position), (chart, position))
HIPLAN_FORWARD(void, chart_series_set_categories, (lxw_chart_series* series, const char* sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (series, sheetname, first_row, first_col, last_row, last_col))
HIPLAN_FORWARD(void, chart_series_set_fill, (lxw_chart_series* series, lxw_chart_fill* fill), (series, fill))
HIPLAN_FORWARD(void, chart_series_set_name, (lxw_chart_series* series, const char* name), (series, name))
HIPLAN_FORWARD(void, chart_series_set_values, (lxw_chart_series* series, const char* sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (series, sheetname, first_row, first_col, last_row, last_col))
HIPLAN_FORWARD(void, chart_title_set_name, (lxw_chart* chart, const char* name), (chart, name))
HIPLAN_FORWARD(void, format_set_align, (lxw_format* format, uint8_t alignment), (format, alignment))
HIPLAN_FORWARD(void, format_set_bg_color, (lxw_format* format, lxw_color_t color), (format, color))
HIPLAN_FORWARD(void, format_set_bold, (lxw_format* format), (format))
HIPLAN_FORWARD(void, format_set_bottom, (lxw_format* format, uint8_t style), (format, style))
HIPLAN_FORWARD(void, format_set_font_size, (lxw_format* format, double size), (format, size))
HIPLAN_FORWARD(void, format_set_num_format, (lxw_format* format, const char* num_format), (format, num_format))
HIPLAN_FORWARD(void, format_set_pattern, (lxw_format* format, uint8_t index), (format, index))
HIPLAN_FORWARD(void, format_set_text_wrap, (lxw_format* format), (format))
HIPLAN_FORWARD(char*, lxw_strerror, (lxw_error error_num), (error_num))
HIPLAN_FORWARD(void, lxw_rowcol_to_formula_abs, (char* formula, const char* sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (formula, sheetname, first_row, first_col, last_row, last_col))
HIPLAN_FORWARD(lxw_chart*, workbook_add_chart, (lxw_workbook* workbook, uint8_t chart_type), (workbook, chart_type))
HIPLAN_FORWARD(lxw_format*, workbook_add_format, (lxw_workbook* workbook), (workbook))
HIPLAN_FORWARD(lxw_worksheet*, workbook_add_worksheet, (lxw_workbook* workbook, const char* sheetname), (workbook, sheetname))
HIPLAN_FORWARD(lxw_error, workbook_close, (lxw_workbook* workbook), (workbook))
HIPLAN_FORWARD(lxw_error, workbook_define_name, (lxw_workbook* workbook, const char* name, const char* formula), (workbook, name, formula))
HIPLAN_FORWARD(lxw_workbook*, workbook_new_opt, (const char* filename, lxw_workbook_options* options), (filename, options))
HIPLAN_FORWARD(lxw_error, workbook_set_properties, (lxw_workbook* workbook, lxw_doc_properties* properties), (workbook, properties))
HIPLAN_FORWARD(lxw_error, worksheet_add_table, (lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, lxw_table_options* options), (worksheet, first_row, first_col, last_row, last_col, options))
HIPLAN_FORWARD(lxw_error, worksheet_autofilter, (lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (worksheet, first_row, first_col, last_row, last_col))
HIPLAN_FORWARD(lxw_error, worksheet_conditional_format_range, (lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, lxw_conditional_format* conditional_format), (worksheet, first_row, first_col, last_row, last_col, conditional_format))
HIPLAN_FORWARD(void, worksheet_fit_to_pages, (lxw_worksheet* worksheet, uint16_t width, uint16_t height), (worksheet, width, height))
HIPLAN_FORWARD(void, worksheet_freeze_panes, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col), (worksheet, row, col))
HIPLAN_FORWARD(lxw_error, worksheet_insert_chart_opt, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, lxw_chart* chart, lxw_chart_options* user_options), (worksheet, row, col, chart, user_options))
HIPLAN_FORWARD(lxw_error, worksheet_print_area, (lxw_worksheet* worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col), (worksheet, first_row, first_col, last_row, last_col))
HIPLAN_FORWARD(lxw_error, worksheet_repeat_rows, (lxw_worksheet* worksheet, lxw_row_t first_row, lxw_row_t last_row), (worksheet, first_row, last_row))
HIPLAN_FORWARD(lxw_error, worksheet_set_column, (lxw_worksheet* worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format* format), (worksheet, first_col, last_col, width, format))
HIPLAN_FORWARD(lxw_error, worksheet_set_footer_opt, (lxw_worksheet* worksheet, const char* string, lxw_header_footer_options* options), (worksheet, string, options))
HIPLAN_FORWARD(lxw_error, worksheet_set_h_pagebreaks, (lxw_worksheet* worksheet, lxw_row_t breaks[]), (worksheet, breaks))
HIPLAN_FORWARD(lxw_error, worksheet_set_header_opt, (lxw_worksheet* worksheet, const char* string, lxw_header_footer_options* options), (worksheet, string, options))
HIPLAN_FORWARD(void, worksheet_set_landscape, (lxw_worksheet* worksheet), (worksheet))
HIPLAN_FORWARD(void, worksheet_set_margins, (lxw_worksheet* worksheet, double left, double right, double top, double bottom), (worksheet, left, right, top, bottom))
HIPLAN_FORWARD(void, worksheet_set_paper, (lxw_worksheet* worksheet, uint8_t paper_type), (worksheet, paper_type))
HIPLAN_FORWARD(void, worksheet_set_portrait, (lxw_worksheet* worksheet), (worksheet))
HIPLAN_FORWARD(void, worksheet_set_print_scale, (lxw_worksheet* worksheet, uint16_t scale), (worksheet, scale))
HIPLAN_FORWARD(lxw_error, worksheet_set_row, (lxw_worksheet* worksheet, lxw_row_t row, double height, lxw_format* format), (worksheet, row, height, format))
HIPLAN_FORWARD(lxw_error, worksheet_write_blank, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, lxw_format* format), (worksheet, row, col, format))
HIPLAN_FORWARD(lxw_error, worksheet_write_datetime, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime* datetime, lxw_format* format), (worksheet, row, col, datetime, format))
HIPLAN_FORWARD(lxw_error, worksheet_write_number, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format* format), (worksheet, row, col, number, format))
HIPLAN_FORWARD(lxw_error, worksheet_write_string, (lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, const char* string, lxw_format* format), (worksheet, row, col, string, format))
// clang-format on
}

#undef HIPLAN_FORWARD
