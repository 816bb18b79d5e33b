#include "hiplan/model/framework.hpp"
#include "hiplan/schema/shapes.hpp"

namespace hiplan::schema {

namespace {

// The rules of lint that require a field in some frameworks' documents (see
// Field::rule_requires).
bool always(const model::Framework& /*framework*/) {
    return true;
}
bool measures_required(const model::Framework& f) {
    return f.settings.measures_required;
}
bool baseline_required(const model::Framework& f) {
    return f.settings.baseline_required;
}

const Shape& logic_model_shape() {
    using namespace common;
    static const Shape activity{
        .type = Type::Object,
        .name = "activity",
        .fields = {{"id", &id(), true, "Id of the activity within the objective, e.g. A1"},
                   {"text", &text(), true, "What will be done"}}};
    static const Shape activities{
        .type = Type::List, .name = "activities", .item = &activity, .unique_key = "id"};
    static const Shape output{
        .type = Type::Object,
        .name = "output",
        .fields = {
            {"id", &id(), true, "Id of the output, e.g. P1"},
            {"text", &text(), true, "What the activities produce (sessions, people reached)"},
            {"from", &id_list(), true, "Ids of the activities that produce it"}}};
    static const Shape outputs{
        .type = Type::List, .name = "outputs", .item = &output, .unique_key = "id"};
    static const Shape term{.type = Type::Enum, .values = {"short", "medium", "long"}};
    static const Shape outcome{
        .type = Type::Object,
        .name = "outcome",
        .fields = {{"id", &id(), true, "Id of the outcome, e.g. C1"},
                   {"text", &text(), true, "The change for people or communities"},
                   {"term", &term, true, "short, medium or long"},
                   {"from", &id_list(), true, "Ids of the outputs (or outcomes) that lead to it"}}};
    static const Shape outcomes{
        .type = Type::List, .name = "outcomes", .item = &outcome, .unique_key = "id"};
    static const Shape system_outcome{.type = Type::VocabId, .vocab = Vocab::Outcome};
    static const Shape contributes_to{
        .type = Type::List, .name = "contributes_to", .item = &system_outcome};
    static const Shape shape{
        .type = Type::Object,
        .name = "logic model",
        .fields = {{"inputs", &text_list(), true, "Resources invested: funding, staff, partners"},
                   {"activities", &activities, true, "What will be done"},
                   {"outputs", &outputs, true, "What the activities produce"},
                   {"outcomes", &outcomes, true, "Short, medium and long-term changes"},
                   {"contributes_to", &contributes_to, false,
                    "Ids of the framework's long-term shared outcomes"},
                   {"assumptions", &text_list(), false, "Assumptions and external factors"}}};
    return shape;
}

const Shape& measure_shape() {
    using namespace common;
    static const Shape direction{.type = Type::Enum, .values = {"increase", "decrease"}};
    static const Shape frequency{
        .type = Type::Enum,
        .values = {"weekly", "monthly", "quarterly", "six-monthly", "annual", "ad-hoc"}};
    static const Shape baseline{
        .type = Type::Object,
        .name = "baseline",
        .fields = {{"value", &number(), false, "Value at the start"},
                   {"as_of", &date(), false, "Date the baseline value refers to"},
                   {"new", &boolean(), false, "true when the measure is new and has no baseline"},
                   {"by", &date(), false, "For a new measure: when the baseline will be set"}},
        .instead_of_text = "write baseline: {value: N, as_of: YYYY-MM-DD}; for a new measure "
                           "with no baseline yet (rather than N/A), write baseline: {new: true, "
                           "by: YYYY-MM-DD} with the date the first value will be known"};
    static const Shape target{.type = Type::Object,
                              .name = "target",
                              .fields = {{"value", &number(), true, "Value to reach"},
                                         {"by", &date(), false, "Date to reach it by"}},
                              .instead_of_text = "write target: {value: N, by: YYYY-MM-DD}"};
    static const Shape shape{
        .type = Type::Object,
        .name = "measure",
        .fields = {
            {"id", &id(), true, "Id of the measure within the objective, e.g. M1"},
            {"indicator", &text(), true, "What is measured"},
            {"tracks", &id(), false, "Id of the logic-model element it evidences"},
            {"unit", &text(), false, "Unit, e.g. % or people"},
            {"direction", &direction, false, "increase or decrease: which way is better",
             Vocab::None, &always},
            {"baseline", &baseline, false, "Starting value, or new: true", Vocab::None,
             &baseline_required},
            {"target", &target, false, "Value to reach and by when", Vocab::None, &always},
            {"source", &text(), false, "Where the data comes from", Vocab::None, &always},
            {"frequency", &frequency, false, "How often it is reported"},
            {"breakdown", &text_list(), false, "Breakdowns, e.g. deprivation, ethnicity, age, sex"},
            {"notes", &text(), false, "Caveats"}}};
    return shape;
}

const Shape& objective_shape() {
    using namespace common;
    static const Shape theme{.type = Type::VocabId, .vocab = Vocab::Theme};
    static const Shape focus_id{.type = Type::VocabId, .vocab = Vocab::Focus};
    static const Shape focus{.type = Type::List, .name = "focus", .item = &focus_id};
    // Which review of the cycle (HP213 checks the year too).
    static const Shape review_name{.type = Type::Text,
                                   .rule_pattern = "^[0-9]{4}-(?:spring|autumn)$",
                                   .rule_form = "a review written YYYY-spring or YYYY-autumn, "
                                                "such as 2027-spring"};
    static const Shape measures{
        .type = Type::List, .name = "measures", .item = &measure_shape(), .unique_key = "id"};
    static const Shape shape{
        .type = Type::Object,
        .name = "objective",
        .fields = {{"id", &id(), true, "Stable id, kept across reviews and cycles, e.g. GHC-1"},
                   {"title", &text(), true, "The objective in one line"},
                   {"theme", &theme, true, "The one framework theme it fits best"},
                   {"description", &text(), false, "More detail"},
                   {"focus", &focus, false, "Focus tags, e.g. core20, smi-health-checks"},
                   {"lead", &text(), true, "Who leads it (role)"},
                   {"partners", &text_list(), false, "Partners, including VCSE organisations"},
                   {"carried_over_from", &text(), false,
                    "CYCLE/ID of the objective this continues, e.g. 2025-26/GHC-4"},
                   {"added", &review_name, false,
                    "For an objective added at a review (Step 5): that review, e.g. 2027-spring"},
                   {"logic_model", &logic_model_shape(), true,
                    "How activities lead to the shared outcomes"},
                   {"measures", &measures, false, "Measures with baselines and targets",
                    Vocab::None, &measures_required}}};
    return shape;
}

const Shape& review_shape() {
    using namespace common;
    static const Shape period{.type = Type::Enum, .values = {"spring", "autumn"}};
    static const Shape status{.type = Type::VocabId, .vocab = Vocab::Status};
    static const Shape theme{.type = Type::VocabId, .vocab = Vocab::Theme};
    static const Shape level{.type = Type::Enum, .values = {"low", "medium", "high"}};
    static const Shape update{.type = Type::Object,
                              .name = "measure update",
                              .fields = {{"ref", &id(), true, "Id of the objective's measure"},
                                         {"value", &number(), true, "Latest value"},
                                         {"as_of", &date(), true, "Date the value refers to"},
                                         {"note", &text(), false, "Comment on the value"}}};
    static const Shape updates{
        .type = Type::List, .name = "measure updates", .item = &update, .unique_key = "ref"};
    static const Shape objective{
        .type = Type::Object,
        .name = "objective review",
        .fields = {{"ref", &id(), true, "Id of the objective reviewed"},
                   {"status", &status, true, "Progress status from the framework"},
                   {"progress", &text(), false, "What has happened in the last six months"},
                   {"mitigation", &text(), false, "For at-risk/off-track: what is being done"},
                   {"changes", &text(), false, "Changes to the objective, if any"},
                   {"impact", &text(), false, "Evidence of impact (required when complete)"},
                   {"measures", &updates, false, "Latest measure values"}}};
    static const Shape objectives{
        .type = Type::List, .name = "objective reviews", .item = &objective, .unique_key = "ref"};
    static const Shape risk{
        .type = Type::Object,
        .name = "risk",
        .fields = {{"description", &text(), true, "The risk"},
                   {"mitigation", &text(), false, "How it is being mitigated"},
                   {"likelihood", &level, false, "low, medium or high"},
                   {"impact", &level, false, "low, medium or high"},
                   {"objectives", &id_list(), false, "Ids of the objectives affected"}}};
    static const Shape risks{.type = Type::List, .name = "risks", .item = &risk};
    static const Shape ask{
        .type = Type::Object,
        .name = "support ask",
        .fields = {{"ask", &text(), true, "The system-level support needed"},
                   {"theme", &theme, false, "The theme it relates to"},
                   {"objectives", &id_list(), false, "Ids of the objectives it would help"}}};
    static const Shape asks{.type = Type::List, .name = "support asks", .item = &ask};
    static const Shape shape{
        .type = Type::Object,
        .name = "review",
        .fields = {{"period", &period, true, "spring (March/April) or autumn (September/October)"},
                   {"submitted", &date(), true, "Date the review was submitted"},
                   {"objectives", &objectives, true, "One entry per objective"},
                   {"highlights", &text_list(), false, "Highlights for the Board"},
                   {"challenges", &text_list(), false, "Key challenges"},
                   {"risks", &risks, false, "Risks and mitigations"},
                   {"support_needed", &asks, false, "System-level support asks"},
                   {"learning", &text_list(), false, "What has been learnt"}}};
    return shape;
}

}  // namespace

const Shape& template_shape() {
    using namespace common;
    static const Shape kind{.type = Type::Enum, .values = {"template"}};
    static const Shape cycle{.type = Type::Cycle};
    static const Shape submitter_type{.type = Type::Enum, .values = {"organisation", "ilp", "cpg"}};
    static const Shape submitter_id{.type = Type::Id, .registry = true};
    static const Shape submitter{
        .type = Type::Object,
        .name = "submitter",
        .fields = {{"id", &submitter_id, true, "Id from the framework's submitter registry"},
                   {"name", &text(), true, "Full name"},
                   {"type", &submitter_type, true, "organisation, ilp or cpg"}}};
    static const Shape contact{
        .type = Type::Object,
        .name = "contact",
        .fields = {{"name", &text(), true, "Who to contact about this template"},
                   {"role", &text(), false, "Their role"},
                   {"email", &text(), false, "Their e-mail address"}}};
    static const Shape rating_id{.type = Type::VocabId, .vocab = Vocab::Rating};
    static const Shape theme{.type = Type::VocabId, .vocab = Vocab::Theme};
    static const Shape rating{
        .type = Type::Object,
        .name = "rating",
        .fields = {{"theme", &theme, true, "The theme rated"},
                   {"rating", &rating_id, true, "Self-assessed rating from the framework"},
                   {"evidence", &text(), true, "Evidence for the rating"}}};
    static const Shape ratings{
        .type = Type::List, .name = "ratings", .item = &rating, .unique_key = "theme"};
    static const Shape objectives{.type = Type::List,
                                  .name = "objectives",
                                  .item = &objective_shape(),
                                  .min_items = 1,
                                  .unique_key = "id",
                                  .vocab = Vocab::Theme,
                                  .rule_covers = "theme"};
    static const Shape self_assessment{
        .type = Type::Object,
        .name = "self-assessment",
        .fields = {{"submitted", &date(), true, "Date submitted (deadline mid-October)"},
                   {"approved_by", &text(), false, "Who signed it off"},
                   {"summary", &text(), true, "High-level commitments"},
                   {"ratings", &ratings, false,
                    "Self-assessment rating per theme, if the framework has a rating scale",
                    Vocab::Rating},
                   {"objectives", &objectives, true, "Objectives, at least one per theme"}}};
    static const Shape reviews{
        .type = Type::List, .name = "reviews", .item = &review_shape(), .unique_key = "period"};
    static const Shape shape{
        .type = Type::Object,
        .name = "template",
        .fields = {{"kind", &kind, true, "Always 'template'"},
                   {"framework", &id(), true, "Id of the framework, e.g. one-gloucestershire"},
                   {"cycle", &cycle, true, "Planning cycle, e.g. 2026-27"},
                   {"submitter", &submitter, true, "The organisation or partnership"},
                   {"contact", &contact, false, "Who to contact"},
                   {"self_assessment", &self_assessment, true,
                    "Annual self-assessment and objective setting (September/October)"},
                   {"reviews", &reviews, false, "Six-monthly reviews of progress and learning"}}};
    return shape;
}

}  // namespace hiplan::schema
