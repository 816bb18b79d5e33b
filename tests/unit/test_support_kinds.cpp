#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "hiplan/frameworks/framework_file.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/support_kinds.hpp"

using namespace hiplan;

namespace {

constexpr std::string_view k_head = R"(kind: framework
id: kinds
name: Kinds
version: "1"
themes: [{id: t1, name: Theme}]
)";

// A framework of k_head and `kinds` (YAML), with its findings.
struct Parsed {
    std::optional<model::Framework> framework;
    std::vector<Diagnostic> findings;
};

Parsed parse(std::string_view kinds) {
    Findings findings("kinds.yaml");
    auto f = frameworks::parse_framework(std::string(k_head) + std::string(kinds), "kinds.yaml",
                                         findings);
    return {std::move(f), findings.list()};
}

std::vector<std::string> ids(const model::Framework& f) {
    std::vector<std::string> out;
    for (const auto& k : f.support_kinds) {
        out.push_back(k.id);
    }
    return out;
}

// The id of the kind `text` is given.
std::string kind_of(const model::Framework& f, std::string_view text) {
    return f.support_kinds[model::classify_support(f, text)].id;
}

const model::Framework& gloucestershire() {
    static const frameworks::Registry registry;
    return *registry.find("one-gloucestershire");
}

const std::vector<std::string> k_default_ids = {
    "funding",           "workforce", "data", "leadership-influence",
    "transport-estates", "digital",   "other"};

}  // namespace

TEST_SUITE_BEGIN("support kinds");

TEST_CASE("a framework without support_kinds has the default seven, other last") {
    const Parsed p = parse("");
    REQUIRE(p.framework);
    CHECK(ids(*p.framework) == k_default_ids);
    CHECK(p.framework->support_kinds.back().keywords.empty());
    CHECK(p.framework->support_kinds[1].name == "Workforce");
}

TEST_CASE("the built-in frameworks write out the default kinds and keywords") {
    const frameworks::Registry registry;
    for (const char* id : {"one-gloucestershire", "leeds-thig"}) {
        const model::Framework* f = registry.find(id);
        REQUIRE(f != nullptr);
        const auto& defaults = model::default_support_kinds();
        REQUIRE(f->support_kinds.size() == defaults.size());
        for (std::size_t i = 0; i < defaults.size(); ++i) {
            CHECK(f->support_kinds[i].id == defaults[i].id);
            CHECK(f->support_kinds[i].name == defaults[i].name);
            CHECK(f->support_kinds[i].keywords == defaults[i].keywords);
        }
    }
}

TEST_CASE("a framework's own kinds replace the defaults, and other is added when left out") {
    const Parsed p = parse("support_kinds:\n"
                           "  - {id: money, name: Money, keywords: [budget, fund]}\n"
                           "  - {id: people, name: People, keywords: [staff]}\n");
    REQUIRE(p.framework);
    CHECK(p.findings.empty());
    CHECK(ids(*p.framework) == std::vector<std::string>{"money", "people", "other"});
    CHECK(kind_of(*p.framework, "More staff") == "people");
    CHECK(kind_of(*p.framework, "A shared pathway") == "other");
}

TEST_CASE("other written in the middle stays where it is and takes what matches nothing") {
    const Parsed p = parse("support_kinds:\n"
                           "  - {id: money, name: Money, keywords: [budget]}\n"
                           "  - {id: other, name: Anything else}\n"
                           "  - {id: people, name: People, keywords: [staff]}\n");
    REQUIRE(p.framework);
    CHECK(ids(*p.framework) == std::vector<std::string>{"money", "other", "people"});
    CHECK(model::classify_support(*p.framework, "Nothing we know") == 1);
    CHECK(model::classify_support(*p.framework, "Staff") == 2);
}

TEST_CASE("words match with their usual endings, short keywords only with -s and -es") {
    const model::Framework& f = gloucestershire();
    CHECK(kind_of(f, "Recruitment of nurses") == "workforce");
    CHECK(kind_of(f, "RECRUITING is hard") == "workforce");
    CHECK(kind_of(f, "Vacancies persist") == "workforce");                // vacancy: -y gives way
    CHECK(kind_of(f, "Financial pressure") == "funding");                 // finance: -e gives way
    CHECK(kind_of(f, "Patients travelling far") == "transport-estates");  // travel: -ll-ing
    CHECK(kind_of(f, "Extra buses at 8am") == "transport-estates");
    CHECK(kind_of(f, "Local business support") == "other");          // bus is not business
    CHECK(kind_of(f, "Better care") == "other");                     // car is not care
    CHECK(kind_of(f, "More contractors for the works") == "other");  // not contract
    CHECK(kind_of(f, "Please apply") == "other");                    // app is not apply
    CHECK(kind_of(f, "") == "other");
    CHECK(kind_of(f, "!!!") == "other");
}

TEST_CASE("a phrase matches its words in a row, with any punctuation between") {
    const model::Framework& f = gloucestershire();
    CHECK(kind_of(f, "Use population-health data packs") == "data");
    CHECK(kind_of(f, "Sign-off by the ICB") == "leadership-influence");
    CHECK(kind_of(f, "Sign the form off") == "other");  // not in a row
    // "volunteer driver" covers both words: transport, not workforce (volunteer).
    CHECK(kind_of(f, "Volunteer drivers are few in winter") == "transport-estates");
}

TEST_CASE("the kind with the most matching words wins, a tie goes to the first kind") {
    const model::Framework& f = gloucestershire();
    // budget, expenses (funding) against volunteer (workforce).
    CHECK(kind_of(f, "A small budget for volunteer expenses") == "funding");
    // analyst, data (data) against capacity (workforce).
    CHECK(kind_of(f, "Shared analyst capacity to use population health data") == "data");
    // funding (funding) against roles (workforce): a tie, funding comes first.
    CHECK(kind_of(f, "Funding to keep navigator roles") == "funding");
    // The same words once or twice count once each.
    CHECK(kind_of(f, "Staff, staff, staff and a budget and grants") == "workforce");
}

TEST_CASE("support_words lower-cases and splits at what is not a letter or digit") {
    CHECK(model::support_words("Core20 follow-up, GP's") ==
          std::vector<std::string>{"core20", "follow", "up", "gp", "s"});
    CHECK(model::support_words("  ") == std::vector<std::string>{});
    CHECK(model::support_words("Café") == std::vector<std::string>{"caf\xc3\xa9"});
}

TEST_CASE("a support kind needs an id, a name and keywords, but other needs no keywords") {
    const Parsed p = parse("support_kinds:\n"
                           "  - {id: money, keywords: [budget]}\n"
                           "  - {name: People, keywords: [staff]}\n"
                           "  - {id: money, name: Money again, keywords: [grant]}\n"
                           "  - {id: data, name: Data, keywords: []}\n"
                           "  - {id: digital, name: Digital}\n"
                           "  - {id: other, name: Other}\n");
    CHECK_FALSE(p.framework);
    std::vector<std::string> seen;
    for (const auto& d : p.findings) {
        seen.push_back(fmt::format("{}:{} {}", d.begin.line, rule(d.rule).code, d.message));
    }
    CHECK(seen == std::vector<std::string>{
                      "7:HP202 support kind 'money' is missing the required field 'name'",
                      "8:HP202 support kind is missing the required field 'id'",
                      "9:HP205 id 'money' is used twice in support kinds (first at 7:10)",
                      "10:HP212 support kind 'data' has no keywords, so no support ask or "
                      "challenge can be given it",
                      "11:HP202 support kind 'digital' has no keywords, so no support ask or "
                      "challenge can be given it"});
}

TEST_CASE("an empty support_kinds list is an error") {
    const Parsed p = parse("support_kinds: []\n");
    CHECK_FALSE(p.framework);
    REQUIRE(p.findings.size() == 1);
    CHECK(p.findings[0].message == "support kinds needs at least 1 item");
}
