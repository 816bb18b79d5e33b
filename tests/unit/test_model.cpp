#include <string>

#include <doctest/doctest.h>

#include "hiplan/diag/findings.hpp"
#include "hiplan/frameworks/registry.hpp"
#include "hiplan/model/template.hpp"
#include "hiplan/schema/checker.hpp"
#include "hiplan/schema/shapes.hpp"
#include "hiplan/yaml/loader.hpp"

using namespace hiplan;

namespace {

yaml::Document load(std::string_view text) {
    Findings findings("t.yaml");
    auto loaded = yaml::load(text, findings);
    REQUIRE_FALSE(loaded.fatal);
    return std::move(loaded.document);
}

// The findings of the structure check alone (no framework).
std::vector<Diagnostic> structure_findings(const yaml::Document& doc, const schema::Shape& shape) {
    Findings findings("t.yaml");
    schema::check(doc.root(), shape, nullptr, findings);
    return findings.take();
}

Position at(std::uint32_t line, std::uint32_t column) {
    return {line, column};
}

constexpr std::string_view k_template = R"(kind: template
framework: one-gloucestershire
cycle: 2026-27
submitter: {id: GHC, name: Gloucestershire Health and Care, type: organisation}
self_assessment:
  submitted: 2026-09-15
  ratings:
    - {theme: prevention, rating: developing, evidence: Audit of 2025}
  objectives:
    - id: GHC-1
      title: Raise SMI health check uptake
      theme: prevention
      logic_model:
        inputs: [Funding]
        activities:
          - {id: A1, text: Outreach clinics}
        outputs:
          - {id: P1, text: Checks done, from: [A1]}
        outcomes: []
        contributes_to: [life-expectancy-gap]
      measures:
        - id: M1
          direction: increase
          tracks: P1
          baseline: {value: 40, as_of: 2026-03-31}
          target: {value: 60, by: 2027-03-31}
reviews:
  - period: spring
    submitted: 2027-04-01
    objectives:
      - {ref: GHC-1, status: at-risk, measures: [{ref: M1, value: 45, as_of: 2027-03-01}]}
)";

}  // namespace

TEST_SUITE_BEGIN("model");

TEST_CASE("a template reads into typed values that carry their source position") {
    const yaml::Document doc = load(k_template);
    const model::Template t = model::read_template(doc);

    CHECK(t.framework.value == "one-gloucestershire");
    CHECK(t.cycle.value == "2026-27");
    CHECK(t.cycle_start == 2026);
    CHECK(t.at(t.cycle).position() == at(3, 8));
    CHECK(t.key(t.cycle).position() == at(3, 1));
    CHECK(t.submitter_id.value == "GHC");
    CHECK(t.at(t.submitter_id).position() == at(4, 17));
    CHECK(t.submitter_type.value == "organisation");
    CHECK(t.at(t.self_assessment).position() == at(6, 3));
    REQUIRE(t.submitted.value);
    CHECK(*t.submitted.value == Date{2026, 9, 15});
    CHECK(t.at(t.submitted).position() == at(6, 14));

    REQUIRE(t.ratings.value.size() == 1);
    CHECK(t.key(t.ratings).position() == at(7, 3));
    CHECK(t.ratings.value[0].rating.value == "developing");
    CHECK(t.at(t.ratings.value[0].rating).position() == at(8, 35));

    REQUIRE(t.objectives.value.size() == 1);
    CHECK(t.key(t.objectives).position() == at(9, 3));
    const model::Objective& o = t.objectives.value[0];
    CHECK(t.at(o.mark).position() == at(10, 7));
    CHECK(o.id.value == "GHC-1");
    CHECK(t.at(o.title).position() == at(11, 14));
    CHECK(t.at(o.title).pointer() == "/self_assessment/objectives/0/title");

    const model::LogicModel& lm = o.logic_model;
    CHECK(t.at(lm.mark).position() == at(14, 9));
    CHECK(lm.inputs.value == std::vector<std::string_view>{"Funding"});
    CHECK(t.key(lm.inputs).position() == at(14, 9));
    REQUIRE(lm.outputs.value.size() == 1);
    const model::Element& p1 = lm.outputs.value[0];
    CHECK(t.at(p1.id).position() == at(18, 18));
    REQUIRE(p1.from.value.size() == 1);
    CHECK(p1.from.value[0].value == "A1");
    CHECK(t.at(p1.from.value[0]).position() == at(18, 48));
    CHECK_FALSE(t.key(p1.from.value[0]).valid());  // a list item has no key
    CHECK(lm.outcomes.value.empty());
    CHECK(t.key(lm.outcomes).position() == at(19, 9));
    CHECK(lm.contributes_to.value.at(0).value == "life-expectancy-gap");

    REQUIRE(o.measures.value.size() == 1);
    const model::Measure& m = o.measures.value[0];
    CHECK(m.tracks.value == "P1");
    CHECK(t.at(m.tracks).position() == at(24, 19));
    CHECK(t.at(m.baseline.mark).position() == at(25, 21));
    CHECK(*m.baseline.value.value == 40.0);
    CHECK(t.at(m.baseline.value).position() == at(25, 29));
    CHECK(*m.baseline.as_of.value == Date{2026, 3, 31});
    CHECK_FALSE(t.at(m.baseline.is_new).valid());
    CHECK_FALSE(m.baseline.is_new.value);
    CHECK(*m.target.by.value == Date{2027, 3, 31});
    CHECK(t.at(m.target.by).position() == at(26, 35));
    CHECK_FALSE(t.at(m.source).valid());  // absent: no value, no mark
    CHECK(m.source.value.empty());
    CHECK_FALSE(t.key(m.source).valid());

    REQUIRE(t.reviews.value.size() == 1);
    const model::Review& r = t.reviews.value[0];
    CHECK(r.period.value == "spring");
    CHECK(*r.submitted.value == Date{2027, 4, 1});
    CHECK(t.key(r.objectives).position() == at(30, 5));
    REQUIRE(r.objectives.value.size() == 1);
    const model::ObjectiveReview& entry = r.objectives.value[0];
    CHECK(entry.status.value == "at-risk");
    CHECK(t.at(entry.status).position() == at(31, 30));
    REQUIRE(entry.measures.value.size() == 1);
    CHECK(t.at(entry.measures.value[0].ref).position() == at(31, 56));
    CHECK(*entry.measures.value[0].value.value == 45.0);
}

TEST_CASE("wrong-typed fields read as empty values that keep their mark") {
    const yaml::Document doc = load(R"(kind: template
framework: one-gloucestershire
cycle: [2026-27]
submitter: GHC
self_assessment:
  submitted: 15 September 2026
  objectives:
    - Raise uptake
    - id: GHC-1
      title: {text: Raise uptake}
      logic_model: [A1]
      measures:
        - id: M1
          direction: [increase]
          baseline: {new: maybe, value: forty, by: 2027-13-01}
          target: 60
reviews: {spring: yes}
)");
    // The structure check reports these; the model is read all the same.
    CHECK_FALSE(structure_findings(doc, schema::template_shape()).empty());
    const model::Template t = model::read_template(doc);

    CHECK(t.cycle.value.empty());
    CHECK(t.at(t.cycle).is_sequence());
    CHECK(t.key(t.cycle).position() == at(3, 1));
    CHECK(t.cycle_start == 0);
    // A section that is not a mapping gives its fields no value and no mark.
    CHECK(t.submitter_id.value.empty());
    CHECK_FALSE(t.at(t.submitter_id).valid());
    CHECK_FALSE(t.submitted.value);
    CHECK(t.at(t.submitted).position() == at(6, 14));

    // Only the mapping items of a list are read.
    REQUIRE(t.objectives.value.size() == 1);
    const model::Objective& o = t.objectives.value[0];
    CHECK(o.id.value == "GHC-1");
    CHECK(o.title.value.empty());
    CHECK(t.at(o.title).is_mapping());
    // A logic model that is not a mapping has no mark and no stages.
    CHECK_FALSE(t.at(o.logic_model.mark).valid());
    CHECK(o.logic_model.activities.value.empty());

    const model::Measure& m = o.measures.value.at(0);
    CHECK(m.direction.value.empty());
    CHECK(t.at(m.direction).position() == at(14, 22));  // written, though not as text
    CHECK(t.at(m.baseline.mark).valid());
    CHECK_FALSE(m.baseline.is_new.value);
    CHECK(t.at(m.baseline.is_new).valid());
    CHECK_FALSE(m.baseline.value.value);
    CHECK(t.at(m.baseline.value).valid());
    CHECK_FALSE(m.baseline.by.value);
    CHECK(t.at(m.baseline.by).position() == at(15, 52));
    // A target that is not a mapping is no target.
    CHECK_FALSE(t.at(m.target.mark).valid());
    CHECK_FALSE(m.target.value.value);

    CHECK(t.reviews.value.empty());
    CHECK(t.key(t.reviews).position() == at(17, 1));
}

TEST_CASE("a missing section leaves its fields without values or marks") {
    const yaml::Document doc = load("kind: template\nframework: one-gloucestershire\n");
    const model::Template t = model::read_template(doc);
    CHECK_FALSE(t.self_assessment);
    CHECK(t.objectives.value.empty());
    CHECK_FALSE(t.at(t.objectives).valid());
    CHECK_FALSE(t.key(t.objectives).valid());
    CHECK_FALSE(t.at(t.submitted).valid());
}

TEST_CASE("feedback reads answers by question, each question marked at its key") {
    const yaml::Document doc = load(R"(kind: feedback
framework: one-gloucestershire
held: 2026-05-01
group: {initials: LCH, name: Leeds Community, participants: many}
answers:
  q1: [Clear, Too long]
  q2: []
  q3: One line
)");
    CHECK_FALSE(structure_findings(doc, schema::feedback_shape()).empty());
    const model::Feedback fb = model::read_feedback(doc);
    CHECK(fb.at(fb.framework).position() == at(2, 12));
    CHECK(*fb.held.value == Date{2026, 5, 1});
    CHECK(fb.group_initials.value == "LCH");
    CHECK_FALSE(fb.participants.value);
    CHECK(fb.at(fb.participants).position() == at(4, 61));
    CHECK(fb.key(fb.answers).position() == at(5, 1));
    REQUIRE(fb.answers.value.size() == 3);
    CHECK(fb.answers.value[0].question.value == "q1");
    CHECK(fb.at(fb.answers.value[0].question).position() == at(6, 3));
    CHECK(fb.answers.value[0].comments == std::vector<std::string_view>{"Clear", "Too long"});
    CHECK(fb.answers.value[1].comments.empty());
    CHECK(fb.answers.value[2].comments == std::vector<std::string_view>{"One line"});
}

TEST_CASE("an answer may give its comments with the themes it is tagged with") {
    const yaml::Document doc = load(R"(kind: feedback
framework: leeds-thig
held: 2021-03-11
group: {initials: LCH, participants: 3}
answers:
  useful:
    comments: [Clear, Too long]
    themes: [access, community-led]
  more-information: {comments: One line}
)");
    CHECK(structure_findings(doc, schema::feedback_shape()).empty());
    const model::Feedback fb = model::read_feedback(doc);
    REQUIRE(fb.answers.value.size() == 2);
    const model::Answer& a = fb.answers.value[0];
    CHECK(a.comments == std::vector<std::string_view>{"Clear", "Too long"});
    REQUIRE(a.themes.value.size() == 2);
    CHECK(a.themes.value[1].value == "community-led");
    CHECK(fb.at(a.themes.value[1]).position() == at(8, 22));
    CHECK(fb.answers.value[1].comments == std::vector<std::string_view>{"One line"});
    CHECK(fb.answers.value[1].themes.value.empty());
    CHECK_FALSE(fb.answers.value[1].themes.mark);
}

TEST_CASE("read with its framework, a review status is the framework's id, marked as written") {
    const frameworks::Registry registry;
    const model::Framework* f = registry.find("one-gloucestershire");
    REQUIRE(f != nullptr);
    const yaml::Document doc = load(R"(kind: template
reviews:
  - period: spring
    objectives:
      - {ref: A, status: Amber}
      - {ref: B, status: on track}
      - {ref: C, status: yellow}
)");
    const auto statuses = [](const model::Template& t) {
        std::vector<std::string> out;
        for (const auto& o : t.reviews.value[0].objectives.value) {
            out.emplace_back(o.status.value);
        }
        return out;
    };
    const model::Template t = model::read_template(doc, f);
    CHECK(statuses(t) == std::vector<std::string>{"at-risk", "on-track", "yellow"});
    CHECK(t.at(t.reviews.value[0].objectives.value[0].status).position() == at(5, 26));
    // Without a framework, the words stay as written.
    CHECK(statuses(model::read_template(doc)) ==
          std::vector<std::string>{"Amber", "on track", "yellow"});
}

TEST_CASE("text values are every scalar value of a document, keys left out") {
    const yaml::Document doc = load("kind: feedback\nnotes: [TBC, {k: ''}]\n");
    const model::Source source{&doc};
    std::vector<model::Field<std::string_view>> texts;
    model::for_each_text_value(source, [&](std::string_view text, model::Mark mark) {
        texts.push_back({text, mark});
    });
    REQUIRE(texts.size() == 3);
    CHECK(texts[0].value == "feedback");
    CHECK(texts[1].value == "TBC");
    CHECK(source.at(texts[1]).position() == at(2, 9));
    CHECK(texts[2].value.empty());
    CHECK(source.at(texts[2]).pointer() == "/notes/1/k");
}

TEST_CASE("values outlive the document, whose marks then read as missing") {
    yaml::Document doc = load(k_template);
    const model::Template t = model::read_template(doc);
    doc.release();
    CHECK(t.cycle.value == "2026-27");
    CHECK_FALSE(t.at(t.cycle).valid());
    CHECK_FALSE(t.key(t.cycle).valid());
    CHECK(t.objectives.value.at(0).title.value == "Raise SMI health check uptake");
}

TEST_SUITE_END();
