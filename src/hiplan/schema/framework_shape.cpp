#include "hiplan/model/framework.hpp"
#include "hiplan/schema/shapes.hpp"
#include "hiplan/util/date.hpp"

namespace hiplan::schema {

const Shape& framework_shape() {
    using namespace common;
    static const Shape kind{.type = Type::Enum, .values = {"framework"}};
    static const Shape score{.type = Type::Integer, .min = -1'000'000, .max = 1'000'000};
    static const Shape per_theme{.type = Type::Integer, .min = 0, .max = 1'000};
    static const Shape grace_days{.type = Type::Integer, .min = 0, .max = 366};
    static const Shape month_day{.type = Type::MonthDay};
    static const Shape colour{.type = Type::Colour};
    static const Shape month{.type = Type::Enum,
                             .values = {k_month_names.begin(), k_month_names.end()}};
    static const Shape theme{
        .type = Type::Object,
        .name = "theme",
        .fields = {{"id", &id(), true, "Stable id used by templates, e.g. targeted"},
                   {"name", &text(), true, "Name shown in the workbook"},
                   {"description", &text(), false, "What belongs in this theme"},
                   {"examples", &text_list(), false, "Examples of work under this theme"}}};
    static const Shape themes{
        .type = Type::List, .name = "themes", .item = &theme, .min_items = 1, .unique_key = "id"};
    static const Shape condition{
        .type = Type::Object,
        .name = "condition for change",
        .fields = {{"id", &id(), true, "Stable id"},
                   {"name", &text(), true, "Name of the condition"},
                   {"description", &text(), false, "How partners are expected to work"}}};
    static const Shape conditions{
        .type = Type::List, .name = "conditions", .item = &condition, .unique_key = "id"};
    static const Shape outcome{
        .type = Type::Object,
        .name = "outcome",
        .fields = {{"id", &id(), true, "Stable id used in contributes_to"},
                   {"name", &text(), true, "The long-term shared outcome"},
                   {"description", &text(), false, "Why it matters, with the local figures"},
                   {"measures", &text_list(), false, "How the system measures it"}}};
    static const Shape outcomes{
        .type = Type::List, .name = "outcomes", .item = &outcome, .unique_key = "id"};
    static const Shape submitter_type{.type = Type::Enum, .values = {"organisation", "ilp", "cpg"}};
    static const Shape submitter{
        .type = Type::Object,
        .name = "submitter",
        .fields = {{"id", &id(), true, "Id used in templates' submitter.id"},
                   {"name", &text(), true, "Full name"},
                   {"type", &submitter_type, true, "organisation, ilp or cpg"}}};
    static const Shape submitters{
        .type = Type::List, .name = "submitters", .item = &submitter, .unique_key = "id"};
    static const Shape window{
        .type = Type::Object,
        .name = "calendar window",
        .fields = {{"opens", &month_day, true, "MM-DD when the window opens"},
                   {"deadline", &month_day, true, "MM-DD submission deadline"},
                   {"board", &month, false, "Month of the Board meeting"}}};
    static const Shape calendar{
        .type = Type::Object,
        .name = "calendar",
        .fields = {{"objective_setting", &window, true, "Annual self-assessment and objectives"},
                   {"spring_review", &window, true, "Six-monthly review in March/April"},
                   {"autumn_review", &window, true, "Six-monthly review in September/October"},
                   {"feedback_deadline", &date(), false,
                    "Date road-test feedback is collated by; feedback held later is late"}}};
    static const Shape rag{.type = Type::Enum,
                           .values = {"blue", "green", "amber", "red", "grey", "none"}};
    static const Shape status{
        .type = Type::Object,
        .name = "status",
        .fields = {
            {"id", &id(), true, "Id used in reviews"},
            {"name", &text(), true, "Label shown in the workbook"},
            {"rag", &rag, true, "RAG group: blue, green, amber, red, grey or none"},
            {"colour", &colour, true, "Fill colour as #RRGGBB"},
            {"escalate", &boolean(), false, "Needs a narrative and a mitigation or support ask"},
            {"closed", &boolean(), false, "The objective is finished"},
            {"synonyms", &text_list(), false,
             "Other words accepted for this status, e.g. amber (any case; a space, '-' and "
             "'_' alike)"}}};
    static const Shape statuses{
        .type = Type::List, .name = "statuses", .item = &status, .unique_key = "id"};
    static const Shape rating{
        .type = Type::Object,
        .name = "rating",
        .fields = {{"id", &id(), true, "Id used in self-assessment ratings"},
                   {"name", &text(), true, "Label"},
                   {"score", &score, true, "Ordinal score (higher is better)"},
                   {"colour", &colour, false, "Heat-map colour as #RRGGBB"}}};
    static const Shape ratings{
        .type = Type::List, .name = "ratings", .item = &rating, .unique_key = "id"};
    static const Shape focus_area{
        .type = Type::Object,
        .name = "focus area",
        .fields = {{"id", &id(), true, "Id used in objectives' focus"},
                   {"name", &text(), true, "Label"},
                   {"group", &text(), false, "Group, e.g. Core20PLUS5 adult clinical areas"}}};
    static const Shape focus{
        .type = Type::List, .name = "focus", .item = &focus_area, .unique_key = "id"};
    static const Shape question{
        .type = Type::Object,
        .name = "question",
        .fields = {{"id", &id(), true, "Id used in feedback answers"},
                   {"text", &text(), true, "The question as asked"},
                   {"short", &text(), false, "Short label for the workbook"}}};
    static const Shape questions{
        .type = Type::List, .name = "questions", .item = &question, .unique_key = "id"};
    static const Shape support_kind{
        .type = Type::Object,
        .name = "support kind",
        .fields = {{"id", &id(), true,
                    "Stable id, e.g. workforce; the kind 'other' takes what no kind matches"},
                   {"name", &text(), true, "Name shown in the workbook"},
                   {"keywords", &text_list(), false,
                    "Words and phrases that mark an ask or challenge as this kind, in their "
                    "shortest form (recruit also finds recruitment); every kind but 'other' "
                    "needs some",
                    Vocab::None, nullptr, model::k_other_support_kind}}};
    static const Shape support_kinds{.type = Type::List,
                                     .name = "support kinds",
                                     .item = &support_kind,
                                     .min_items = 1,
                                     .unique_key = "id"};
    static const Shape rules{
        .type = Type::Object,
        .name = "rules",
        .fields = {{"min_objectives_per_theme", &per_theme, false,
                    "Objectives each template needs under every theme (default 1)"},
                   {"baseline_required", &boolean(), false,
                    "Measures need a baseline or new: true (default true)"},
                   {"measures_required", &boolean(), false,
                    "Every objective needs a measure (default true)"},
                   {"late_grace_days", &grace_days, false,
                    "Days after a deadline before a submission counts as late (default 0)"}}};
    static const Shape shape{
        .type = Type::Object,
        .name = "framework",
        .fields = {{"kind", &kind, true, "Always 'framework'"},
                   {"id", &id(), true, "Id templates use in 'framework:'"},
                   {"name", &text(), true, "Full name"},
                   {"version", &text(), true, "Version of this framework file"},
                   {"description", &text(), false, "What the framework is and where it comes from"},
                   {"themes", &themes, true, "The themes (buckets) objectives sit under"},
                   {"conditions", &conditions, false, "Conditions for change (how we work)"},
                   {"outcomes", &outcomes, false, "Long-term shared system outcomes"},
                   {"submitters", &submitters, false, "Who is expected to submit"},
                   {"calendar", &calendar, false, "Submission windows and Board months"},
                   {"statuses", &statuses, false, "Progress statuses for reviews"},
                   {"ratings", &ratings, false, "Self-assessment rating scale"},
                   {"focus", &focus, false, "Optional focus tags (e.g. Core20PLUS5)"},
                   {"questions", &questions, false, "Fixed questions for feedback rounds"},
                   {"support_kinds", &support_kinds, false,
                    "Kinds of system support that support asks and challenges are grouped by "
                    "(default: funding, workforce, data, leadership and influence, transport "
                    "and estates, digital, other)"},
                   {"rules", &rules, false, "Rule settings"}}};
    return shape;
}

}  // namespace hiplan::schema
