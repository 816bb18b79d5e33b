#include "hiplan/formats/machine.hpp"

#include <cstdint>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hiplan/formats/text.hpp"
#include "hiplan/home.hpp"
#include "hiplan/util/utf8.hpp"
#include "hiplan/version.hpp"

namespace hiplan::formats {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t k_github_shown = 10;  // annotations of one kind GitHub shows per step

std::string status_of(const lint::FileResult& r) {
    if (!r.readable()) {
        return "unreadable";
    }
    return r.count(Severity::Error) > 0 ? "invalid" : "valid";
}

// Escapes workflow-command data (actions/toolkit: % CR LF).
std::string escape_data(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        default: out += c;
        }
    }
    return out;
}

// Escapes workflow-command property values (also ':' and ',').
std::string escape_property(std::string_view s) {
    std::string out;
    for (const char c : escape_data(s)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

// Escapes text for XML 1.0 (input-derived text has been through utf8::printable, so it is
// valid UTF-8 and holds no character XML cannot; a control character left is a space).
std::string xml(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out += ' ';
            } else {
                out += c;
            }
        }
    }
    return out;
}

// JSON text with "##[" written "##\u005b" (the same string to a JSON reader): GitHub's
// runner reads "##[command]" anywhere in a log line, and findings quote the input. Outside
// strings JSON never holds '#'. Anything not UTF-8 is replaced rather than thrown on.
std::string dump_for_logs(const json& doc) {
    std::string text = doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    for (auto at = text.find("##["); at != std::string::npos; at = text.find("##[", at)) {
        text.replace(at + 2, 1, "\\u005b");
    }
    return text;
}

std::string location_text(const Diagnostic& d) {
    const std::string file = display_path(d.file);
    return d.begin.known() ? fmt::format("{}:{}:{}", file, d.begin.line, d.begin.column) : file;
}

}  // namespace

std::string path_to_uri(std::string_view path) {
    // A path below the working folder stays relative (GitHub resolves it against the
    // repository); any other becomes an absolute file URI, with no uriBaseId: a relative
    // reference may not start with '/' or climb out with "..".
    std::filesystem::path p{std::string(path)};
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (p.is_absolute() && !ec) {
        const auto rel = std::filesystem::relative(p, cwd, ec);
        if (!ec && !rel.empty() && *rel.begin() != "..") {
            p = rel;
        }
    } else if (!p.is_absolute() && !ec) {
        const auto normal = p.lexically_normal();
        if (!normal.empty() && *normal.begin() == "..") {
            p = cwd / normal;
        }
    }
    const std::string generic = p.lexically_normal().generic_string();
    std::string out = p.is_absolute() ? "file://" : "";
    for (const char c : generic) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        out += keep ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned>(u));
    }
    return out;
}

std::string fingerprint(const Diagnostic& d) {
    // FNV-1a over what identifies a finding but not where it sits: the rule, the file,
    // the node (JSON Pointer) and the message. Moving lines keeps the fingerprint.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto mix = [&](std::string_view s) {
        for (const char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ULL;
        }
        h ^= 0xFFU;
        h *= 0x100000001b3ULL;
    };
    mix(rule(d.rule).code);
    mix(path_to_uri(d.file));
    mix(d.pointer);
    mix(d.message);
    return fmt::format("{:016x}", h);
}

std::string to_json(const std::vector<lint::FileResult>& results) {
    json files = json::array();
    json findings = json::array();
    for (const auto& r : results) {
        json file = {{"path", r.path},
                     {"kind", std::string(lint::to_string(r.kind))},
                     {"status", status_of(r)},
                     {"errors", r.count(Severity::Error)},
                     {"warnings", r.count(Severity::Warning)}};
        if (!r.readable()) {
            file["io_error"] = r.io_error;
        }
        files.push_back(std::move(file));
        for (const auto& d : r.diagnostics) {
            const Rule& rl = rule(d.rule);
            json f = {{"file", d.file},
                      {"line", d.begin.line},
                      {"column", d.begin.column},
                      {"end_line", d.end.line},
                      {"end_column", d.end.column},
                      {"pointer", d.pointer},
                      {"code", std::string(rl.code)},
                      {"slug", std::string(rl.slug)},
                      {"severity", std::string(to_string(d.severity))},
                      {"message", d.message},
                      {"hint", d.hint},
                      {"fingerprint", fingerprint(d)}};
            findings.push_back(std::move(f));
        }
    }
    const Totals t = totals(results);
    json doc = {{"version", 1},
                {"tool", {{"name", "hiplan"}, {"version", k_version}}},
                {"files", std::move(files)},
                {"findings", std::move(findings)},
                {"totals",
                 {{"files", t.files},
                  {"errors", t.errors},
                  {"warnings", t.warnings},
                  {"files_with_errors", t.files_with_errors},
                  {"unreadable", t.unreadable}}}};
    return dump_for_logs(doc);
}

std::string to_sarif(const std::vector<lint::FileResult>& results) {
    json rules = json::array();
    std::map<RuleId, std::size_t> index;
    for (const Rule& r : all_rules()) {
        index[r.id] = rules.size();
        std::string help = fmt::format("{}\n\nHow to fix: {}.", r.rationale, r.hint);
        if (!r.bad.empty()) {
            help += fmt::format("\n\nFails:\n{}\nPasses:\n{}", r.bad, r.good);
        }
        rules.push_back({{"id", std::string(r.code)},
                         {"name", std::string(r.slug)},
                         {"shortDescription", {{"text", std::string(r.summary)}}},
                         {"fullDescription", {{"text", std::string(r.rationale)}}},
                         {"help", {{"text", help}}},
                         {"defaultConfiguration",
                          {{"level", r.severity == Severity::Error ? "error" : "warning"}}},
                         {"properties", {{"tags", {std::string(to_string(r.category))}}}}});
    }
    json out_results = json::array();
    json artifacts = json::array();
    for (const auto& r : results) {
        artifacts.push_back({{"location", {{"uri", path_to_uri(r.path)}}}});
        for (const auto& d : r.diagnostics) {
            json region = json::object();
            if (d.begin.known()) {
                region["startLine"] = d.begin.line;
                region["startColumn"] = d.begin.column;
                if (d.end.line != 0 && d.end.column > d.begin.column) {
                    region["endLine"] = d.end.line;
                    region["endColumn"] = d.end.column;
                }
            }
            json physical = {{"artifactLocation", {{"uri", path_to_uri(d.file)}}}};
            if (!region.empty()) {
                physical["region"] = std::move(region);
            }
            json result = {
                {"ruleId", std::string(rule(d.rule).code)},
                {"ruleIndex", index[d.rule]},
                {"level", d.severity == Severity::Error ? "error" : "warning"},
                {"message",
                 {{"text",
                   d.hint.empty() ? d.message : fmt::format("{}. Hint: {}", d.message, d.hint)}}},
                {"locations", json::array({{{"physicalLocation", std::move(physical)}}})},
                {"partialFingerprints", {{"hiplanFingerprint/v1", fingerprint(d)}}}};
            if (!d.pointer.empty()) {
                result["properties"] = {{"pointer", d.pointer}};
            }
            out_results.push_back(std::move(result));
        }
    }
    json run = {{"tool",
                 {{"driver",
                   {{"name", "hiplan"},
                    {"version", k_version},
                    {"semanticVersion", k_version},
                    {"informationUri", k_home_url},
                    {"rules", std::move(rules)}}}}},
                {"artifacts", std::move(artifacts)},
                {"results", std::move(out_results)},
                {"columnKind", "unicodeCodePoints"}};
    json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({std::move(run)})}};
    return dump_for_logs(doc);
}

std::string to_github(const std::vector<lint::FileResult>& results) {
    std::string out;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
            const bool error = d.severity == Severity::Error;
            (error ? errors : warnings) += 1;
            const Rule& rl = rule(d.rule);
            std::string props = fmt::format("file={}", escape_property(utf8::printable(d.file)));
            if (d.begin.known()) {
                props += fmt::format(",line={},col={}", d.begin.line, d.begin.column);
                if (d.end.column > d.begin.column) {
                    props += fmt::format(",endLine={},endColumn={}", d.end.line, d.end.column);
                }
            }
            props +=
                fmt::format(",title={}", escape_property(fmt::format("{} {}", rl.code, rl.slug)));
            const std::string message =
                d.hint.empty() ? utf8::printable(d.message)
                               : fmt::format("{}\nhint: {}", utf8::printable(d.message),
                                             utf8::printable(d.hint));
            out += fmt::format("::{} {}::{}\n", error ? "error" : "warning", props,
                               escape_data(message));
        }
        if (!r.readable()) {
            ++errors;
            out += fmt::format("::error file={}::{}\n", escape_property(utf8::printable(r.path)),
                               escape_data("cannot read the file: " + utf8::printable(r.io_error)));
        }
    }
    if (errors > k_github_shown || warnings > k_github_shown) {
        out += fmt::format(
            "::notice title=hiplan::{}\n",
            escape_data(fmt::format("hiplan found {} errors and {} warnings; GitHub shows at most "
                                    "{} of each kind as annotations. Every finding is in this "
                                    "log; upload SARIF (--output-file sarif=hiplan.sarif) to see "
                                    "them all in code scanning.",
                                    errors, warnings, k_github_shown)));
    }
    return out;
}

std::string to_junit(const std::vector<lint::FileResult>& results, bool strict) {
    struct Case {
        std::string name, classname, failure_message, body;
        bool failed = false;
    };
    std::vector<std::pair<std::string, std::vector<Case>>> suites;
    std::size_t tests = 0;
    std::size_t failures = 0;
    for (const auto& r : results) {
        std::vector<Case> cases;
        if (!r.readable()) {
            cases.push_back({"read", display_path(r.path), "cannot read the file",
                             utf8::printable(r.io_error), true});
        }
        // One case per rule broken in this file, in rule order (unique names).
        std::map<RuleId, std::vector<const Diagnostic*>> by_rule;
        for (const auto& d : r.diagnostics) {
            by_rule[d.rule].push_back(&d);
        }
        for (const auto& [id, list] : by_rule) {
            const Rule& rl = rule(id);
            const bool fails = std::any_of(list.begin(), list.end(), [&](const Diagnostic* d) {
                return d->severity == Severity::Error || strict;
            });
            std::string body;
            for (const Diagnostic* d : list) {
                body += fmt::format("{}: {}: {}\n  hint: {}\n", location_text(*d),
                                    to_string(d->severity), utf8::printable(d->message),
                                    utf8::printable(d->hint));
            }
            cases.push_back({fmt::format("{} {}", rl.code, rl.slug), display_path(r.path),
                             fmt::format("{} finding{} of {} {}", list.size(),
                                         list.size() == 1 ? "" : "s", rl.code, rl.slug),
                             std::move(body), fails});
        }
        if (cases.empty()) {
            cases.push_back({"no problems", display_path(r.path), "", "", false});
        }
        tests += cases.size();
        for (const auto& c : cases) {
            failures += c.failed ? 1 : 0;
        }
        suites.emplace_back(display_path(r.path), std::move(cases));
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"hiplan\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                       tests, failures);
    for (const auto& [path, cases] : suites) {
        const auto failed =
            std::count_if(cases.begin(), cases.end(), [](const Case& c) { return c.failed; });
        out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                           xml(path), cases.size(), failed);
        for (const auto& c : cases) {
            out += fmt::format("    <testcase name=\"{}\" classname=\"{}\"", xml(c.name),
                               xml(c.classname));
            if (c.body.empty() && !c.failed) {
                out += "/>\n";
                continue;
            }
            out += ">\n";
            if (c.failed) {
                out += fmt::format("      <failure message=\"{}\">{}</failure>\n",
                                   xml(c.failure_message), xml(c.body));
            } else {
                out += fmt::format("      <system-out>{}</system-out>\n", xml(c.body));
            }
            out += "    </testcase>\n";
        }
        out += "  </testsuite>\n";
    }
    out += "</testsuites>\n";
    return out;
}

}  // namespace hiplan::formats
