#include "hiplan/model/template.hpp"

#include "hiplan/model/read.hpp"

namespace hiplan::model {

namespace {

using yaml::NodeRef;

Mark mark_of(NodeRef node) {
    return node ? Mark{node.index()} : Mark{};
}

// The value of `key` in the mapping `map`, read with `read`.
template <typename Read> auto field(NodeRef map, std::string_view key, Read read) {
    const NodeRef node = map.get(key);
    return Field<decltype(read(node))>{read(node), mark_of(node)};
}

// The sequence under `key`, each mapping item read with `read_one`.
template <typename ReadOne> auto list(NodeRef map, std::string_view key, ReadOne read_one) {
    using T = decltype(read_one(NodeRef{}));
    const NodeRef node = map.get(key);
    return List<T>{read_list<T>(node, read_one), mark_of(node)};
}

// The scalar items of a sequence, each with its node.
std::vector<Text> refs_of(NodeRef list) {
    std::vector<Text> out;
    for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
        if (list.item(i).is_scalar()) {
            out.push_back({list.item(i).text(), mark_of(list.item(i))});
        }
    }
    return out;
}

Element element_of(NodeRef n) {
    return {field(n, "id", text_of), field(n, "text", text_of), field(n, "term", text_of),
            field(n, "from", refs_of), mark_of(n)};
}

LogicModel logic_model_of(NodeRef n) {
    LogicModel lm;
    lm.mark = n.is_mapping() ? mark_of(n) : Mark{};
    lm.inputs = field(n, "inputs", texts_of);
    lm.activities = list(n, "activities", element_of);
    lm.outputs = list(n, "outputs", element_of);
    lm.outcomes = list(n, "outcomes", element_of);
    lm.contributes_to = field(n, "contributes_to", refs_of);
    lm.assumptions = field(n, "assumptions", texts_of);
    return lm;
}

Measure measure_of(NodeRef n) {
    Measure m;
    m.mark = mark_of(n);
    m.id = field(n, "id", text_of);
    m.indicator = field(n, "indicator", text_of);
    m.tracks = field(n, "tracks", text_of);
    m.unit = field(n, "unit", text_of);
    m.direction = field(n, "direction", text_of);
    m.source = field(n, "source", text_of);
    m.frequency = field(n, "frequency", text_of);
    m.notes = field(n, "notes", text_of);
    m.breakdown = field(n, "breakdown", texts_of);
    if (const NodeRef b = n.get("baseline"); b.is_mapping()) {
        m.baseline = {field(b, "value", number_of), field(b, "as_of", date_of),
                      field(b, "new", boolean_of), field(b, "by", date_of), mark_of(b)};
    }
    m.baseline.written = !n.get("baseline").is_null();
    if (const NodeRef t = n.get("target"); t.is_mapping()) {
        m.target = {field(t, "value", number_of), field(t, "by", date_of), mark_of(t)};
    }
    m.target.written = !n.get("target").is_null();
    return m;
}

Objective objective_of(NodeRef n) {
    Objective o;
    o.mark = mark_of(n);
    o.id = field(n, "id", text_of);
    o.title = field(n, "title", text_of);
    o.theme = field(n, "theme", text_of);
    o.description = field(n, "description", text_of);
    o.lead = field(n, "lead", text_of);
    o.carried_over_from = field(n, "carried_over_from", text_of);
    o.added = field(n, "added", text_of);
    o.focus = field(n, "focus", texts_of);
    o.partners = field(n, "partners", texts_of);
    o.logic_model = logic_model_of(n.get("logic_model"));
    o.measures = list(n, "measures", measure_of);
    o.measure_at = IdIndex(o.measures.value, [](const Measure& m) { return m.id.value; });
    return o;
}

MeasureUpdate measure_update_of(NodeRef n) {
    return {field(n, "ref", text_of), field(n, "note", text_of), field(n, "value", number_of),
            field(n, "as_of", date_of), mark_of(n)};
}

ObjectiveReview objective_review_of(NodeRef n) {
    ObjectiveReview r;
    r.mark = mark_of(n);
    r.ref = field(n, "ref", text_of);
    r.status = field(n, "status", text_of);
    r.progress = field(n, "progress", text_of);
    r.mitigation = field(n, "mitigation", text_of);
    r.changes = field(n, "changes", text_of);
    r.impact = field(n, "impact", text_of);
    r.measures = list(n, "measures", measure_update_of);
    r.update_at = IdIndex(r.measures.value, [](const MeasureUpdate& u) { return u.ref.value; });
    return r;
}

Risk risk_of(NodeRef n) {
    return {field(n, "description", text_of), field(n, "mitigation", text_of),
            field(n, "likelihood", text_of),  field(n, "impact", text_of),
            field(n, "objectives", refs_of),  mark_of(n)};
}

SupportAsk support_ask_of(NodeRef n) {
    return {field(n, "ask", text_of), field(n, "theme", text_of), field(n, "objectives", refs_of),
            mark_of(n)};
}

Review review_of(NodeRef n) {
    Review r;
    r.mark = mark_of(n);
    r.period = field(n, "period", text_of);
    r.submitted = field(n, "submitted", date_of);
    r.objectives = list(n, "objectives", objective_review_of);
    r.highlights = field(n, "highlights", texts_of);
    r.challenges = field(n, "challenges", texts_of);
    r.learning = field(n, "learning", texts_of);
    r.risks = list(n, "risks", risk_of);
    r.support_needed = list(n, "support_needed", support_ask_of);
    r.entry_at = IdIndex(r.objectives.value, [](const ObjectiveReview& o) { return o.ref.value; });
    return r;
}

ThemeRating theme_rating_of(NodeRef n) {
    return {field(n, "theme", text_of), field(n, "rating", text_of), field(n, "evidence", text_of),
            mark_of(n)};
}

// The entries of a mapping of question ids to answers: comments (text or a list of text),
// or the fields `comments` and `themes`.
std::vector<Answer> answers_of(NodeRef answers) {
    std::vector<Answer> out;
    for (std::size_t i = 0; i < answers.size() && answers.is_mapping(); ++i) {
        const NodeRef value = answers.value(i);
        Answer a{{answers.key(i).text(), mark_of(answers.key(i))}, {}, {}};
        if (value.is_mapping()) {
            a.comments = texts_of(value.get("comments"));
            a.themes = field(value, "themes", refs_of);
        } else {
            a.comments = texts_of(value);
        }
        out.push_back(std::move(a));
    }
    return out;
}

// Reads every review status as the framework's id (a synonym such as `amber` becomes
// at-risk); an unknown word stays as written (the structure check reports it).
void use_status_ids(Template& t, const Framework& f) {
    for (auto& r : t.reviews.value) {
        for (auto& o : r.objectives.value) {
            if (const Status* s = f.status_named(o.status.value)) {
                o.status.value = s->id;
            }
        }
    }
}

}  // namespace

NodeRef Source::at(Mark mark) const {
    return document != nullptr && mark ? NodeRef(document, mark.index) : NodeRef{};
}

NodeRef Source::key(Mark mark) const {
    const NodeRef value = at(mark);
    const NodeRef map = value.parent();
    for (std::size_t i = 0; i < map.size() && map.is_mapping(); ++i) {
        if (map.value(i) == value) {
            return map.key(i);
        }
    }
    return {};
}

int cycle_start_year(std::string_view cycle) {
    if (cycle.size() != 7 || cycle[4] != '-') {
        return 0;
    }
    int first = 0;
    int second = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) {
            continue;
        }
        if (cycle[i] < '0' || cycle[i] > '9') {
            return 0;
        }
        int& part = i < 4 ? first : second;
        part = part * 10 + (cycle[i] - '0');
    }
    return first >= 2000 && (first + 1) % 100 == second ? first : 0;
}

Template read_template(const yaml::Document& doc, const Framework* framework) {
    const NodeRef root = doc.root();
    Template t;
    t.document = &doc;
    t.framework = field(root, "framework", text_of);
    t.cycle = field(root, "cycle", text_of);
    t.cycle_start = cycle_start_year(t.cycle.value);
    const NodeRef submitter = root.get("submitter");
    t.submitter_id = field(submitter, "id", text_of);
    t.submitter_name = field(submitter, "name", text_of);
    t.submitter_type = field(submitter, "type", text_of);
    const NodeRef contact = root.get("contact");
    t.contact_name = field(contact, "name", text_of);
    t.contact_role = field(contact, "role", text_of);
    t.contact_email = field(contact, "email", text_of);
    const NodeRef sa = root.get("self_assessment");
    t.self_assessment = sa.is_mapping() ? mark_of(sa) : Mark{};
    t.submitted = field(sa, "submitted", date_of);
    t.approved_by = field(sa, "approved_by", text_of);
    t.summary = field(sa, "summary", text_of);
    t.ratings = list(sa, "ratings", theme_rating_of);
    t.objectives = list(sa, "objectives", objective_of);
    t.reviews = list(root, "reviews", review_of);
    t.objective_at = IdIndex(t.objectives.value, [](const Objective& o) { return o.id.value; });
    if (framework != nullptr) {
        use_status_ids(t, *framework);
    }
    return t;
}

Feedback read_feedback(const yaml::Document& doc) {
    const NodeRef root = doc.root();
    Feedback f;
    f.document = &doc;
    f.framework = field(root, "framework", text_of);
    f.held = field(root, "held", date_of);
    const NodeRef group = root.get("group");
    f.group_initials = field(group, "initials", text_of);
    f.group_name = field(group, "name", text_of);
    f.participants = field(group, "participants", integer_of);
    f.roles = field(group, "roles", texts_of);
    f.facilitators = field(root, "facilitators", texts_of);
    f.notes = field(root, "notes", text_of);
    f.answers = field(root, "answers", answers_of);
    return f;
}

std::vector<Field<std::string_view>> text_values(const Source& source) {
    std::vector<Field<std::string_view>> out;
    const std::size_t count = source.document != nullptr ? source.document->node_count() : 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        const NodeRef n = source.at(Mark{i});
        if (n.is_scalar() && !n.is_key()) {
            out.push_back({n.text(), Mark{i}});
        }
    }
    return out;
}

std::string_view added_at(const Template& t, const Objective& o) {
    const std::string& added = o.added.value;
    if (t.cycle_start == 0 || added.empty()) {
        return {};
    }
    const std::string year = std::to_string(t.cycle_start + 1);  // both reviews fall in it
    for (const std::string_view period : {"spring", "autumn"}) {
        if (added.size() == year.size() + 1 + period.size() && added.starts_with(year) &&
            added[year.size()] == '-' && added.ends_with(period)) {
            return period;
        }
    }
    return {};
}

std::optional<Date> set_on(const Template& t, const Objective& o) {
    const std::string_view period = added_at(t, o);
    if (period.empty()) {
        return t.submitted.value;
    }
    for (const auto& r : t.reviews.value) {
        if (r.period.value == period) {
            return r.submitted.value;
        }
    }
    return std::nullopt;
}

}  // namespace hiplan::model
