#include "hiplan/model/template.hpp"

#include "hiplan/model/read.hpp"

namespace hiplan::model {

namespace {

using yaml::NodeRef;

Ref ref_of(NodeRef node) {
    return {text_of(node), node};
}

std::vector<Ref> refs_of(NodeRef list) {
    std::vector<Ref> out;
    for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
        if (list.item(i).is_scalar()) {
            out.push_back(ref_of(list.item(i)));
        }
    }
    return out;
}

Element element_of(NodeRef n) {
    return {text_of(n.get("id")), text_of(n.get("text")), text_of(n.get("term")),
            refs_of(n.get("from")), n};
}

LogicModel logic_model_of(NodeRef n) {
    LogicModel lm;
    lm.node = n;
    lm.inputs = texts_of(n.get("inputs"));
    lm.activities = read_list<Element>(n.get("activities"), element_of);
    lm.outputs = read_list<Element>(n.get("outputs"), element_of);
    lm.outcomes = read_list<Element>(n.get("outcomes"), element_of);
    lm.contributes_to = refs_of(n.get("contributes_to"));
    return lm;
}

Measure measure_of(NodeRef n) {
    Measure m;
    m.node = n;
    m.id = text_of(n.get("id"));
    m.indicator = text_of(n.get("indicator"));
    m.tracks = ref_of(n.get("tracks"));
    m.unit = text_of(n.get("unit"));
    m.direction = text_of(n.get("direction"));
    m.source = text_of(n.get("source"));
    m.frequency = text_of(n.get("frequency"));
    m.notes = text_of(n.get("notes"));
    m.breakdown = texts_of(n.get("breakdown"));
    if (const NodeRef b = n.get("baseline"); b.is_mapping()) {
        m.baseline = {number_of(b.get("value")), date_of(b.get("as_of")),
                      boolean_of(b.get("new")).value_or(false), date_of(b.get("by")), b};
    }
    if (const NodeRef t = n.get("target"); t.is_mapping()) {
        m.target = {number_of(t.get("value")), date_of(t.get("by")), t};
    }
    return m;
}

Objective objective_of(NodeRef n) {
    Objective o;
    o.node = n;
    o.id = text_of(n.get("id"));
    o.title = text_of(n.get("title"));
    o.theme = text_of(n.get("theme"));
    o.description = text_of(n.get("description"));
    o.lead = text_of(n.get("lead"));
    o.carried_over_from = text_of(n.get("carried_over_from"));
    o.focus = texts_of(n.get("focus"));
    o.partners = texts_of(n.get("partners"));
    o.logic_model = logic_model_of(n.get("logic_model"));
    o.measures = read_list<Measure>(n.get("measures"), measure_of);
    o.measure_at = IdIndex(o.measures, [](const Measure& m) { return m.id; });
    return o;
}

ObjectiveReview objective_review_of(NodeRef n) {
    ObjectiveReview r;
    r.node = n;
    r.ref = text_of(n.get("ref"));
    r.status = text_of(n.get("status"));
    r.progress = text_of(n.get("progress"));
    r.mitigation = text_of(n.get("mitigation"));
    r.changes = text_of(n.get("changes"));
    r.impact = text_of(n.get("impact"));
    r.measures = read_list<MeasureUpdate>(n.get("measures"), [](NodeRef u) {
        return MeasureUpdate{text_of(u.get("ref")), text_of(u.get("note")),
                             number_of(u.get("value")), date_of(u.get("as_of")), u};
    });
    r.update_at = IdIndex(r.measures, [](const MeasureUpdate& u) { return u.ref; });
    return r;
}

Review review_of(NodeRef n) {
    Review r;
    r.node = n;
    r.period = text_of(n.get("period"));
    r.submitted = date_of(n.get("submitted"));
    r.objectives = read_list<ObjectiveReview>(n.get("objectives"), objective_review_of);
    r.highlights = texts_of(n.get("highlights"));
    r.challenges = texts_of(n.get("challenges"));
    r.learning = texts_of(n.get("learning"));
    r.risks = read_list<Risk>(n.get("risks"), [](NodeRef k) {
        return Risk{text_of(k.get("description")), text_of(k.get("mitigation")),
                    text_of(k.get("likelihood")),  text_of(k.get("impact")),
                    refs_of(k.get("objectives")),  k};
    });
    r.support_needed = read_list<SupportAsk>(n.get("support_needed"), [](NodeRef a) {
        return SupportAsk{text_of(a.get("ask")), text_of(a.get("theme")),
                          refs_of(a.get("objectives")), a};
    });
    r.entry_at = IdIndex(r.objectives, [](const ObjectiveReview& o) { return o.ref; });
    return r;
}

}  // namespace

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

Template read_template(NodeRef root) {
    Template t;
    t.root = root;
    t.framework = text_of(root.get("framework"));
    t.cycle = text_of(root.get("cycle"));
    t.cycle_start = cycle_start_year(t.cycle);
    const NodeRef submitter = root.get("submitter");
    t.submitter_id = text_of(submitter.get("id"));
    t.submitter_name = text_of(submitter.get("name"));
    t.submitter_type = text_of(submitter.get("type"));
    const NodeRef contact = root.get("contact");
    t.contact_name = text_of(contact.get("name"));
    t.contact_role = text_of(contact.get("role"));
    t.contact_email = text_of(contact.get("email"));
    const NodeRef sa = root.get("self_assessment");
    t.submitted = date_of(sa.get("submitted"));
    t.approved_by = text_of(sa.get("approved_by"));
    t.summary = text_of(sa.get("summary"));
    t.ratings = read_list<ThemeRating>(sa.get("ratings"), [](NodeRef n) {
        return ThemeRating{text_of(n.get("theme")), text_of(n.get("rating")),
                           text_of(n.get("evidence")), n};
    });
    t.objectives = read_list<Objective>(sa.get("objectives"), objective_of);
    t.reviews = read_list<Review>(root.get("reviews"), review_of);
    t.objective_at = IdIndex(t.objectives, [](const Objective& o) { return o.id; });
    return t;
}

Feedback read_feedback(NodeRef root) {
    Feedback f;
    f.root = root;
    f.framework = text_of(root.get("framework"));
    f.held = date_of(root.get("held"));
    const NodeRef group = root.get("group");
    f.group_initials = text_of(group.get("initials"));
    f.group_name = text_of(group.get("name"));
    f.participants = integer_of(group.get("participants"));
    f.roles = texts_of(group.get("roles"));
    f.facilitators = texts_of(root.get("facilitators"));
    f.notes = text_of(root.get("notes"));
    const NodeRef answers = root.get("answers");
    for (std::size_t i = 0; i < answers.size() && answers.is_mapping(); ++i) {
        f.answers.emplace_back(Ref{answers.key(i).text(), answers.key(i)},
                               texts_of(answers.value(i)));
    }
    return f;
}

}  // namespace hiplan::model
