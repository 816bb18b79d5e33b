#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hiplan/compile/board.hpp"
#include "hiplan/compile/figures.hpp"

// The documents `hiplan report` drafts from a round, and the forms it writes them in.
namespace hiplan::report {

// The form of the output, chosen by the output's extension.
enum class Form { Html, Markdown, Data };

struct FormInfo {
    Form form;
    std::string_view name;                     // "HTML"
    std::vector<std::string_view> extensions;  // ".html", ".htm"
};

// The forms, one table: the first extension of each is the one `--help` names.
const std::vector<FormInfo>& forms();

// The form of an output path by its extension (any case), or nothing.
std::optional<Form> form_of(std::string_view path);

// A kind of document: what it is for, and its templates (one per form that has one).
struct DocumentKind {
    std::string_view id;        // "board-paper"
    std::string_view title;     // "Board paper"
    std::string_view html;      // the built-in template of the HTML form
    std::string_view markdown;  // ... of the Markdown form
};

// The document kinds, one table: the Board paper (Step 4), a group's summary for peer
// review (Step 3) and the road-test report to PEG.
const std::vector<DocumentKind>& document_kinds();

// The kind of document a Board makes: a road test for feedback only, a group's summary
// when the Board is restricted to a group, else the Board paper.
const DocumentKind& kind_of(const compile::Board& board);

// The built-in template `name` (a file of src/hiplan/report/templates/), or nothing.
std::optional<std::string_view> builtin_template(std::string_view name);

// Writes the Board's document in `form`: the report data as JSON, or the data laid out by
// the kind's template (`custom`, when not empty, instead of the built-in one). Returns
// false and sets `error` (a sentence) when the template is not valid Mustache.
// With `unknown`, the names a custom template uses that the report data does not hold
// ("'round.titel' (line 3, column 5)"): Mustache prints nothing for them.
bool render(const compile::Board& board, const compile::RoundFigures& figures, Form form,
            std::string_view custom, std::string& out, std::string& error,
            std::vector<std::string>* unknown = nullptr);

// Checks a template before any work: valid Mustache, sections nested at most 100 deep.
// Returns false and sets `error` (a sentence).
bool check_template(std::string_view text, std::string& error);

// "line 2, column 5": where the byte at `offset` of a template's text is, counted as a
// person counts (from 1; the column in bytes), for a message about the template.
std::string line_and_column(std::string_view text, std::size_t offset);

// Escapes text for Markdown: punctuation Markdown reads (\ ` * _ [ ] < > # | ~ &) is
// escaped with a backslash, and line breaks (\n, \r) and tabs become spaces, so text from
// a template keeps a table row or a list item whole.
std::string markdown_escape(std::string_view text);

}  // namespace hiplan::report
