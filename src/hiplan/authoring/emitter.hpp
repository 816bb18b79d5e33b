#pragma once

#include <string>
#include <string_view>
#include <vector>

// The one writer of the YAML documents `hiplan init` produces. A document is a tree of
// entries; each entry may have comment lines above it and a note at the end of its line.
// Text is quoted whenever YAML would read it as something else.
namespace hiplan::authoring {

struct Entry {
    enum class Kind { Text, Plain, Map, List };

    std::string key;  // empty for a list item (and for the document)
    Kind kind = Kind::Text;
    std::string value;         // Text: any text; Plain: written as is (numbers, dates, true)
    std::vector<Entry> items;  // Map: its fields; List: its items
    bool flow = false;         // a Map or List written on one line: {id: A1, from: [P1]}
    bool blank_line = false;   // a blank line above it
    std::vector<std::string> comment;  // lines above it
    std::string note;                  // a comment at the end of its line

    // Chainable on a new entry: text("title", "TBC").after("the objective in one line").
    Entry above(std::vector<std::string> lines) &&;
    Entry after(std::string text) &&;
    Entry spaced() &&;  // with a blank line above
};

Entry text(std::string key, std::string_view value);
Entry plain(std::string key, std::string value);  // a number, date, boolean or cycle
Entry map(std::string key, std::vector<Entry> fields);
Entry list(std::string key, std::vector<Entry> items);
Entry flow_map(std::string key, std::vector<Entry> fields);
Entry flow_list(std::string key, std::vector<Entry> items);
Entry texts(std::string key, const std::vector<std::string_view>& items);  // [a, b] of text

// Writes `document` (a Map; its comment is the file's header) as YAML, two spaces per
// level, in lines under 100 columns where the text allows: a comment line (a line break
// starts a new one) that would be longer is wrapped; a note that would take its line that
// far is written above the line instead, wrapped; a flow collection that would is written
// as a block. Comments and notes inside a flow collection are not written (there is no
// line to put them on).
std::string emit(const Entry& document);

// Splits `text` at spaces into lines of at most `width` characters (a longer word
// keeps its own line).
std::vector<std::string> wrap(std::string_view text, std::size_t width);

}  // namespace hiplan::authoring
