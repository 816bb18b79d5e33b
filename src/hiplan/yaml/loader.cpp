#include "hiplan/yaml/loader.hpp"

#include <algorithm>
#include <istream>
#include <limits>
#include <new>
#include <optional>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "hiplan/util/utf8.hpp"
#include "hiplan/yaml/syntax_messages.hpp"

namespace hiplan::yaml {

namespace {

Position to_position(const YAML::Mark& mark) {
    if (mark.is_null()) {
        return {};
    }
    return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

}  // namespace

// Builds a Document from yaml-cpp's parser events. Declared a friend of Document.
class Builder final : public YAML::EventHandler {
public:
    Builder(Document& doc, Findings& findings, const LoadLimits& limits, std::string_view source)
        : doc_(doc), findings_(findings), limits_(limits), source_(source) {
        // Sizing the node arrays up front spares a large document their regrowth and
        // copies. Each ':' brings a key and its value, each ',' and '-' an item: counted
        // over the bytes, that is a close estimate, mostly from above (dates, prose and
        // comments overcount). A file of 222,430 nodes counts 246,446; twice its lines,
        // 107,350. Capped at a node per 8 bytes (a template has one per 12 bytes or so), so a
        // hostile file of ':' reserves no more than a few times its size. The texts take
        // about the file's bytes. A reservation is only a hint: the arrays grow as needed
        // if it cannot be had.
        const auto count = [&](char c) {
            return static_cast<std::size_t>(std::count(source.begin(), source.end(), c));
        };
        const std::size_t nodes =
            std::min(2 * count(':') + count(',') + count('-'), source.size() / 8) + 16;
        try {
            doc_.nodes_.reserve(nodes);
            doc_.children_.reserve(nodes);
            doc_.texts_.reserve(source.size());
        } catch (const std::bad_alloc&) {
            // Parsed without the hint: the arrays grow as they need.
        }
    }

    // Thrown from an event to abandon the parse after a fatal finding.
    struct Stop {};

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            report(RuleId::MultipleDocuments, to_position(mark),
                   "the file holds more than one YAML document; a second one starts here");
            throw Stop{};
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        add_node(NodeKind::Null, ScalarStyle::Plain, to_position(mark), {});
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // Report the first use of each anchor only: an alias bomb is one finding per anchor.
        if (aliased_.insert(anchor).second) {
            report(RuleId::AnchorOrAlias, to_position(mark),
                   "aliases ('*name') are not allowed in templates; aliased values are read as "
                   "empty");
        }
        add_node(NodeKind::Null, ScalarStyle::Plain, to_position(mark), {});
    }

    void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
        report(RuleId::AnchorOrAlias, to_position(mark),
               fmt::format("anchors ('&{}') are not allowed in templates", name));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  const std::string& value) override {
        check_tag(mark, tag);
        const bool plain = tag == "?";
        // The input is valid UTF-8, so plain scalars are too; escapes in quoted ones
        // could still build an invalid sequence, which would corrupt JSON or XML output.
        if (!plain && utf8::validate(value)) {
            report(RuleId::NotUtf8, to_position(mark),
                   "an escape sequence in this text is not valid UTF-8; it is replaced by U+FFFD");
            add_node(NodeKind::Scalar, ScalarStyle::Quoted, to_position(mark), utf8::repair(value));
            return;
        }
        if (plain) {
            check_comment_after(mark, value);
        }
        add_node(NodeKind::Scalar, plain ? ScalarStyle::Plain : ScalarStyle::Quoted,
                 to_position(mark), value);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value style) override {
        open(NodeKind::Sequence, mark, tag, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value style) override {
        open(NodeKind::Mapping, mark, tag, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override { close(); }

    // Where the innermost list or mapping still open was opened (for unclosed '[' or '{').
    [[nodiscard]] Position innermost_open() const {
        return frames_.empty() ? Position{} : doc_.nodes_[frames_.back().node].position;
    }

    // The outermost '[' or '{' still open, if any: where it is and which it is.
    [[nodiscard]] std::optional<std::pair<Position, char>> open_bracket() const {
        for (const Frame& f : frames_) {
            if (f.flow) {
                const auto& node = doc_.nodes_[f.node];
                return std::make_pair(node.position, node.kind == NodeKind::Mapping ? '{' : '[');
            }
        }
        return std::nullopt;
    }

private:
    struct Frame {
        std::uint32_t node;
        std::size_t pending_begin;  // first child index in `pending_`
        bool flow;                  // written with '[' or '{'
    };

    void report(RuleId id, Position where, std::string message) {
        findings_.add(id, where, std::move(message));
    }

    // "progress: The van ran #62 sessions" is the text "The van ran" and a comment: YAML
    // drops the rest of the line. A comment that starts "# " (or is a suppression) is meant;
    // '#' straight before a word or number after text is a slip. Only single-line plain
    // scalars are checked (where the source spells the value exactly).
    void check_comment_after(const YAML::Mark& mark, const std::string& value) {
        if (mark.pos < 0 || value.empty()) {
            return;
        }
        const auto start = static_cast<std::size_t>(mark.pos);
        if (start > source_.size() || source_.substr(start, value.size()) != value) {
            return;
        }
        std::size_t hash = start + value.size();
        while (hash < source_.size() && (source_[hash] == ' ' || source_[hash] == '\t')) {
            ++hash;
        }
        if (hash == start + value.size() || hash + 1 >= source_.size() || source_[hash] != '#') {
            return;
        }
        const std::string_view rest = source_.substr(hash + 1);
        const std::string_view comment = rest.substr(0, rest.find_first_of("\r\n"));
        if (comment.empty() || comment[0] == ' ' || comment[0] == '\t' || comment[0] == '#' ||
            comment.starts_with("hiplan:")) {
            return;
        }
        const auto column =
            static_cast<std::uint32_t>(static_cast<std::size_t>(mark.column) + 1 + (hash - start));
        const std::string_view shown = utf8::prefix(comment, 60);
        const std::string dropped =
            fmt::format("'#{}{}'", shown, shown.size() < comment.size() ? "..." : "");
        // Several words with no full stop: a sentence cut in the middle reaches the Board.
        const bool sentence = value.find(' ') != std::string::npos &&
                              std::string_view(".!?:;)").find(value.back()) == std::string::npos;
        if (sentence) {
            // The text to quote ends where a comment written '# note' starts, if any.
            std::string_view rest_of_text = comment.substr(0, comment.find(" #"));
            rest_of_text = rest_of_text.substr(0, rest_of_text.find_last_not_of(" \t") + 1);
            const std::string whole = fmt::format("{} #{}", value, rest_of_text);
            const char quote = whole.find('"') == std::string::npos ? '"' : '\'';
            findings_.add(RuleId::CommentCutsSentence, Position{to_position(mark).line, column},
                          fmt::format("the text stops at ' #': {} is read as a comment and "
                                      "dropped, so the Board would read '{}'",
                                      dropped, utf8::prefix(value, 60)),
                          fmt::format("put the whole text in quotes: {}{}{}", quote,
                                      utf8::prefix(whole, 100), quote));
            return;
        }
        findings_.add(
            RuleId::CommentInText, Position{to_position(mark).line, column},
            fmt::format("the text after ' #' is read as a comment and dropped: {}", dropped),
            "if the '#' belongs to the text, put the whole text in quotes; if it is "
            "a comment, write '# ' with a space");
    }

    void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (tag != "?" && tag != "!" && !tag.empty()) {
            std::string shown = tag;
            if (shown.starts_with("tag:yaml.org,2002:")) {
                shown = "!!" + shown.substr(18);
            }
            report(RuleId::YamlTag, to_position(mark),
                   fmt::format("a type mark '{}' is not allowed", shown));
        }
    }

    std::uint32_t add_node(NodeKind kind, ScalarStyle style, Position position,
                           std::string_view text) {
        const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
        Document::NodeData node;
        node.kind = kind;
        node.style = style;
        node.position = position;
        if (!frames_.empty()) {
            const Frame& top = frames_.back();
            node.parent = top.node;
            const bool is_map_value = doc_.nodes_[top.node].kind == NodeKind::Mapping &&
                                      (pending_.size() - top.pending_begin) % 2 == 1;
            node.is_key = doc_.nodes_[top.node].kind == NodeKind::Mapping && !is_map_value;
            if (is_map_value && kind == NodeKind::Null) {
                // An empty value is reported where its key is, not at the next token.
                node.position = doc_.nodes_[pending_.back()].position;
            }
        } else if (index != 0) {
            return index;  // only one root per document
        }
        if (!text.empty()) {
            // Offsets are 32 bits: beyond any file the size limit lets through (1 GiB).
            if (doc_.texts_.size() + text.size() > std::numeric_limits<std::uint32_t>::max()) {
                report(RuleId::FileTooLarge, position,
                       "the file holds more text than hiplan can read (4 GiB)");
                throw Stop{};
            }
            node.text_offset = static_cast<std::uint32_t>(doc_.texts_.size());
            node.text_size = static_cast<std::uint32_t>(text.size());
            doc_.texts_.append(text);
        }
        doc_.nodes_.push_back(node);
        if (!frames_.empty()) {
            pending_.push_back(index);
        }
        return index;
    }

    void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, bool flow) {
        check_tag(mark, tag);
        if (frames_.size() >= limits_.max_depth) {
            report(RuleId::NestingTooDeep, to_position(mark),
                   fmt::format("lists and blocks of fields are nested more than {} levels deep",
                               limits_.max_depth));
            throw Stop{};
        }
        const std::uint32_t index = add_node(kind, ScalarStyle::Plain, to_position(mark), {});
        frames_.push_back({index, pending_.size(), flow});
    }

    void close() {
        const Frame frame = frames_.back();
        frames_.pop_back();
        auto begin = pending_.begin() + static_cast<std::ptrdiff_t>(frame.pending_begin);
        if (doc_.nodes_[frame.node].kind == NodeKind::Mapping) {
            drop_bad_entries(frame.pending_begin);
            begin = pending_.begin() + static_cast<std::ptrdiff_t>(frame.pending_begin);
        }
        auto& node = doc_.nodes_[frame.node];
        node.first_child = static_cast<std::uint32_t>(doc_.children_.size());
        node.child_count = static_cast<std::uint32_t>(pending_.end() - begin);
        doc_.children_.insert(doc_.children_.end(), begin, pending_.end());
        pending_.erase(begin, pending_.end());
    }

    // Removes entries with complex or empty keys and later duplicates of a key.
    // Small mappings are searched linearly; large ones through a hash index, so a
    // hostile mapping with 100,000 keys stays linear.
    void drop_bad_entries(std::size_t from) {
        constexpr std::size_t k_linear_limit = 32;
        std::vector<std::uint32_t> kept;
        kept.reserve(pending_.size() - from);
        std::unordered_map<std::string_view, std::uint32_t> index;  // key text -> key node
        const bool large = (pending_.size() - from) / 2 > k_linear_limit;
        for (std::size_t i = from; i + 1 < pending_.size(); i += 2) {
            const auto& key = doc_.nodes_[pending_[i]];
            const std::string_view key_text = doc_.text_of(key);
            if (key.kind != NodeKind::Scalar || key_text.empty()) {
                report(RuleId::ComplexKey, key.position,
                       key.kind == NodeKind::Scalar || key.kind == NodeKind::Null
                           ? "a field has no name before its ':'; its value is ignored"
                           : "a field's name is written as a list or a block; its value is "
                             "ignored");
                continue;
            }
            std::optional<std::uint32_t> first;
            if (large) {
                const auto [it, inserted] = index.emplace(key_text, pending_[i]);
                if (!inserted) {
                    first = it->second;
                }
            } else {
                for (std::size_t k = 0; k < kept.size(); k += 2) {
                    if (doc_.text_of(doc_.nodes_[kept[k]]) == key_text) {
                        first = kept[k];
                        break;
                    }
                }
            }
            if (first) {
                const Position p = doc_.nodes_[*first].position;
                report(RuleId::DuplicateKey, key.position,
                       fmt::format("the field '{}' is written twice in this block (first at "
                                   "line {}, column {}); this value is ignored",
                                   key_text, p.line, p.column));
                continue;
            }
            kept.push_back(pending_[i]);
            kept.push_back(pending_[i + 1]);
        }
        if (kept.size() != pending_.size() - from) {
            pending_.resize(from);
            pending_.insert(pending_.end(), kept.begin(), kept.end());
        }
    }

    Document& doc_;
    Findings& findings_;
    const LoadLimits& limits_;
    std::string_view source_;  // the whole file, for checks the events cannot see
    std::vector<Frame> frames_;
    std::vector<std::uint32_t> pending_;
    std::unordered_set<YAML::anchor_t> aliased_;
    int documents_ = 0;
};

namespace {

// A read-only stream over bytes we already hold, so yaml-cpp reads without a copy.
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(std::string_view bytes) {
        char* p = const_cast<char*>(bytes.data());  // NOLINT: the get area is never written
        setg(p, p, p + bytes.size());
    }
};

// Throws Stop at the start of any document: used to detect a second document.
class SecondDocumentProbe final : public YAML::EventHandler {
public:
    explicit SecondDocumentProbe(Builder& builder) : builder_(builder) {}
    void OnDocumentStart(const YAML::Mark& mark) override { builder_.OnDocumentStart(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    Builder& builder_;
};

bool only_blank_or_comments(std::string_view bytes) {
    bool in_comment = false;
    for (const char c : bytes) {
        if (c == '\n') {
            in_comment = false;
        } else if (!in_comment) {
            if (c == '#') {
                in_comment = true;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
    }
    return true;
}

// Line `line` (1-based) of `bytes`, without its line break; empty when there is none.
std::string_view line_of(std::string_view bytes, std::uint32_t line) {
    if (line == 0) {
        return {};
    }
    std::size_t start = 0;
    for (std::uint32_t n = 1; n < line; ++n) {
        start = bytes.find('\n', start);
        if (start == std::string_view::npos) {
            return {};
        }
        ++start;
    }
    const std::size_t end = bytes.find('\n', start);
    return bytes.substr(start, end == std::string_view::npos ? end : end - start);
}

// The position of a tab in the indentation of the line at `at`, if there is one: tabs
// are the usual cause of the errors yaml-cpp reports on such lines.
std::optional<Position> tab_in_indentation(std::string_view bytes, Position at) {
    if (!at.known()) {
        return std::nullopt;
    }
    const std::string_view text = line_of(bytes, at.line);
    const std::size_t indent = text.find_first_not_of(" \t");
    const std::size_t tab = text.substr(0, indent).find('\t');
    if (tab == std::string_view::npos) {
        return std::nullopt;
    }
    return Position{at.line, static_cast<std::uint32_t>(tab + 1)};
}

// A pasted character (no-break space, curly quote) or text that needed quotes, on the line
// of a syntax error or the line before it, where yaml-cpp often notices the damage.
std::optional<std::pair<Position, SyntaxMessage>> likely_cause_near(std::string_view bytes,
                                                                    Position at) {
    if (!at.known()) {
        return std::nullopt;
    }
    for (const std::uint32_t line : {at.line, at.line - 1}) {
        const std::string_view text = line_of(bytes, line);
        auto found = find_lookalike(text);
        if (!found) {
            found = find_unquoted_text(text);
        }
        if (found) {
            const auto column = static_cast<std::uint32_t>(found->offset + 1);
            return std::make_pair(Position{line, column}, std::move(found->explanation));
        }
    }
    return std::nullopt;
}

// The most syntax errors reported for one file: past a few, the rest are usually echoes.
constexpr int k_max_syntax_errors = 20;

// One failed parse: where to report it and what to say, and the lines of the broken block.
struct SyntaxError {
    Position at;
    SyntaxMessage explanation;
    std::uint32_t first_line = 0;  // the broken block, to blank before parsing again
    std::uint32_t last_line = 0;
    bool nesting = false;  // nested too deeply (HP108), not a syntax error
    bool stop = false;     // a fatal finding was already made (a second document, ...)
};

// Copies `bytes` into `edited` (once) and replaces lines `first`..`last` by spaces,
// keeping the line breaks so that every position stays where it was.
void blank_lines(std::string& edited, std::string_view bytes, std::uint32_t first,
                 std::uint32_t last) {
    if (edited.empty()) {
        edited.assign(bytes);
    }
    std::size_t start = 0;
    for (std::uint32_t line = 1; line <= last && start < edited.size(); ++line) {
        const std::size_t end = std::min(edited.find('\n', start), edited.size());
        if (line >= first) {
            std::fill(edited.begin() + static_cast<std::ptrdiff_t>(start),
                      edited.begin() + static_cast<std::ptrdiff_t>(end), ' ');
        }
        start = end + 1;
    }
}

// The outermost '[' or '{' still open where line `line` starts, read from the text alone
// (quoted text and comments skipped): yaml-cpp may give up before it reports the bracket.
std::optional<std::pair<Position, char>> open_bracket_before(std::string_view bytes,
                                                             std::uint32_t line) {
    std::vector<std::pair<Position, char>> open;
    Position at{1, 1};
    char quote = 0;
    bool token_start = true;  // a quote here starts quoted text
    for (std::size_t i = 0; i < bytes.size() && at.line < line; ++i) {
        const char c = bytes[i];
        if (c == '\n') {
            ++at.line;
            at.column = 1;
            token_start = true;
            continue;
        }
        const Position here = at;
        ++at.column;
        if (quote != 0) {
            if (c == quote && !(quote == '"' && bytes[i - 1] == '\\')) {
                quote = 0;
            }
            continue;
        }
        if (c == '#' && (here.column == 1 || bytes[i - 1] == ' ' || bytes[i - 1] == '\t')) {
            const std::size_t end = bytes.find('\n', i);
            i = (end == std::string_view::npos ? bytes.size() : end) - 1;  // the '\n' is next
            continue;
        }
        if ((c == '"' || c == '\'') && token_start) {
            quote = c;
        } else if ((c == '[' || c == '{') && (token_start || !open.empty())) {
            open.emplace_back(here, c);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
        if (c != ' ' && c != '\t') {
            token_start = std::string_view(":,[{-").find(c) != std::string_view::npos;
        }
    }
    if (open.empty()) {
        return std::nullopt;
    }
    return open.front();
}

// What the parser's complaint means, and where the mistake is: an unclosed '[' or '{'
// where it opened, a tab or a pasted character where it is.
SyntaxError diagnose(const YAML::Exception& e, const Builder& builder, std::string_view bytes) {
    SyntaxError error;
    error.explanation = explain_syntax_error(e.msg);
    error.at = to_position(e.mark);
    const std::uint32_t mark_line = error.at.line;
    auto bracket = builder.open_bracket();
    if (!bracket && error.at.known()) {
        bracket = open_bracket_before(bytes, error.at.line);  // the parser had not reached it
    }
    if (bracket && bracket->first.known() && bracket->first.line < error.at.line) {
        error.at = bracket->first;
        error.explanation = unclosed_bracket(line_of(bytes, error.at.line), error.at.column);
        error.first_line = error.last_line = error.at.line;  // only the broken line
        return error;
    }
    if (error.explanation.points_at_opening && builder.innermost_open().known()) {
        error.at = builder.innermost_open();
    }
    if (const auto tab = tab_in_indentation(bytes, error.at)) {
        error.at = *tab;
        error.explanation = explain_syntax_error("illegal tab");
    } else if (const auto pasted = likely_cause_near(bytes, error.at)) {
        error.at = pasted->first;
        error.explanation = std::move(pasted->second);
    }
    const std::uint32_t line = error.at.known() ? error.at.line : mark_line;
    error.first_line = std::min(line, mark_line == 0 ? line : mark_line);
    error.last_line = std::max(line, mark_line);
    return error;
}

// Parses `text` into `doc`; returns what went wrong, if anything.
std::optional<SyntaxError> parse(std::string_view text, Document& doc, Findings& findings,
                                 const LoadLimits& limits) {
    MemoryBuffer buffer(text);
    std::istream in(&buffer);
    Builder builder(doc, findings, limits, text);
    try {
        YAML::Parser parser(in);
        if (parser.HandleNextDocument(builder)) {
            SecondDocumentProbe probe(builder);
            parser.HandleNextDocument(probe);
        }
    } catch (const Builder::Stop&) {
        SyntaxError stop;
        stop.stop = true;
        return stop;
    } catch (const YAML::DeepRecursion& e) {
        SyntaxError deep;
        deep.at = to_position(e.mark);
        deep.nesting = true;
        return deep;
    } catch (const YAML::Exception& e) {
        return diagnose(e, builder, text);
    }
    return std::nullopt;
}

}  // namespace

Position position_of_offset(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    const std::string_view before = bytes.substr(0, offset);
    const auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column =
        line_start == std::string_view::npos ? offset : offset - line_start - 1;
    return {line + 1, static_cast<std::uint32_t>(column + 1)};
}

LoadResult load(std::string_view bytes, Findings& findings, const LoadLimits& limits) {
    LoadResult result;
    auto fail = [&](RuleId id, Position where, std::string message, std::string hint = {}) {
        findings.add(id, where, std::move(message), std::move(hint));
        result.document = Document{};
        result.fatal = true;
        return std::move(result);
    };
    if (bytes.size() > limits.max_bytes) {
        return fail(RuleId::FileTooLarge, {1, 1},
                    fmt::format("the file is larger than the limit of {} bytes", limits.max_bytes));
    }
    if (const auto bad = utf8::validate(bytes)) {
        if (bad->looks_like_utf16) {
            return fail(RuleId::NotUtf8, {1, 1}, "the file is UTF-16 encoded, not UTF-8");
        }
        const Position at = position_of_offset(bytes, bad->offset);
        if (bad->is_nul) {
            return fail(RuleId::NulByte, at, "NUL byte in the file");
        }
        const auto byte = static_cast<unsigned>(static_cast<unsigned char>(bytes[bad->offset]));
        return fail(RuleId::NotUtf8, at, fmt::format("invalid UTF-8 byte 0x{:02X}", byte));
    }
    if (only_blank_or_comments(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes)) {
        return fail(RuleId::EmptyFile, {1, 1}, "the file has no content");
    }

    // Bullets pasted from a document are reported on their own lines, and the lines are
    // left out of the parse so that they do not hide the syntax errors after them.
    const std::vector<PastedBullet> bullets = find_pasted_bullets(bytes);
    std::string edited;  // the text with broken lines blanked, once there are any
    for (const auto& b : bullets) {
        findings.add(RuleId::YamlSyntax, Position{b.line, b.column}, b.explanation.message,
                     b.explanation.hint);
        blank_lines(edited, bytes, b.line, b.line);
    }

    std::optional<SyntaxError> error =
        parse(edited.empty() ? bytes : edited, result.document, findings, limits);
    if (error && error->stop) {
        result.document = Document{};
        result.fatal = true;
        return result;
    }
    const bool broken = error.has_value() || !bullets.empty();
    // After a syntax error the parser starts again past the broken block (blanked), so one
    // run reports each independent error, up to k_max_syntax_errors. An error that is not
    // after the blanked lines is a consequence of the blanking and ends the search.
    for (int reported = 0; error; ++reported) {
        if (error->nesting) {
            findings.add(RuleId::NestingTooDeep, error->at,
                         "lists and fields are nested too deeply");
            break;
        }
        findings.add(RuleId::YamlSyntax, error->at, std::move(error->explanation.message),
                     std::move(error->explanation.hint));
        if (reported + 1 >= k_max_syntax_errors) {
            break;
        }
        const std::uint32_t last = error->last_line;
        blank_lines(edited, bytes, error->first_line, last);
        Document scratch;
        Findings ignored(std::string{});
        error = parse(edited, scratch, ignored, limits);
        if (error && (error->stop || error->at.line <= last)) {
            break;
        }
    }
    if (broken) {
        result.document = Document{};
        result.fatal = true;
        return result;
    }
    if (result.document.empty() || result.document.root().is_null()) {
        return fail(RuleId::EmptyFile, {1, 1}, "the document is empty");
    }
    return result;
}

}  // namespace hiplan::yaml
