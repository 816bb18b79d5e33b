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

// The bytes of every value's text in `doc` (keys excluded): what a view may keep.
std::size_t value_bytes(const yaml::Document& doc) {
    std::size_t bytes = 0;
    for (std::uint32_t i = 0; i < doc.node_count(); ++i) {
        const NodeRef n(&doc, i);
        if (n.is_scalar() && !n.is_key()) {
            bytes += n.text().size();
        }
    }
    return bytes;
}

// Reads the parts of a view, keeping every text in the view's store.
class Reader {
public:
    explicit Reader(TextStore& store) : store_(store) {}

    // The sequence under `key`, each mapping item read with `read_one`.
    template <typename T>
    List<T> list(NodeRef map, std::string_view key, T (Reader::*read_one)(NodeRef)) {
        const NodeRef node = map.get(key);
        return {read_list<T>(node, [&](NodeRef item) { return (this->*read_one)(item); }),
                mark_of(node)};
    }

    Text text(NodeRef map, std::string_view key) { return text_at(map.get(key)); }

    Text text_at(NodeRef node) {
        return {node.is_scalar() ? store_.keep(node.text()) : std::string_view{}, mark_of(node)};
    }

    // The scalar items of a list, or one scalar.
    List<std::string_view> texts(NodeRef map, std::string_view key) {
        const NodeRef node = map.get(key);
        return {texts_at(node), mark_of(node)};
    }

    std::vector<std::string_view> texts_at(NodeRef node) {
        std::vector<std::string_view> out;
        if (node.is_scalar()) {
            out.push_back(store_.keep(node.text()));
        }
        for (std::size_t i = 0; i < node.size() && node.is_sequence(); ++i) {
            if (node.item(i).is_scalar()) {
                out.push_back(store_.keep(node.item(i).text()));
            }
        }
        return out;
    }

    // The scalar items of a sequence, each with its node.
    List<Text> refs(NodeRef map, std::string_view key) {
        const NodeRef list = map.get(key);
        List<Text> out{{}, mark_of(list)};
        for (std::size_t i = 0; i < list.size() && list.is_sequence(); ++i) {
            if (list.item(i).is_scalar()) {
                out.value.push_back(text_at(list.item(i)));
            }
        }
        return out;
    }

    std::string_view keep(std::string_view text) { return store_.keep(text); }

    Element element(NodeRef n) {
        return {text(n, "id"), text(n, "text"), text(n, "term"), refs(n, "from"), mark_of(n)};
    }

    LogicModel logic_model(NodeRef n) {
        LogicModel lm;
        lm.mark = n.is_mapping() ? mark_of(n) : Mark{};
        lm.inputs = texts(n, "inputs");
        lm.activities = list(n, "activities", &Reader::element);
        lm.outputs = list(n, "outputs", &Reader::element);
        lm.outcomes = list(n, "outcomes", &Reader::element);
        lm.contributes_to = refs(n, "contributes_to");
        lm.assumptions = texts(n, "assumptions");
        return lm;
    }

    Measure measure(NodeRef n) {
        Measure m;
        m.mark = mark_of(n);
        m.id = text(n, "id");
        m.indicator = text(n, "indicator");
        m.tracks = text(n, "tracks");
        m.unit = text(n, "unit");
        m.direction = text(n, "direction");
        m.source = text(n, "source");
        m.frequency = text(n, "frequency");
        m.notes = text(n, "notes");
        m.breakdown = texts(n, "breakdown");
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

    Objective objective(NodeRef n) {
        Objective o;
        o.mark = mark_of(n);
        o.id = text(n, "id");
        o.title = text(n, "title");
        o.theme = text(n, "theme");
        o.description = text(n, "description");
        o.lead = text(n, "lead");
        o.carried_over_from = text(n, "carried_over_from");
        o.added = text(n, "added");
        o.focus = texts(n, "focus");
        o.partners = texts(n, "partners");
        o.logic_model = logic_model(n.get("logic_model"));
        o.measures = list(n, "measures", &Reader::measure);
        o.measure_at = IdViewIndex(o.measures.value, [](const Measure& m) { return m.id.value; });
        return o;
    }

    MeasureUpdate measure_update(NodeRef n) {
        return {text(n, "ref"), text(n, "note"), field(n, "value", number_of),
                field(n, "as_of", date_of), mark_of(n)};
    }

    ObjectiveReview objective_review(NodeRef n) {
        ObjectiveReview r;
        r.mark = mark_of(n);
        r.ref = text(n, "ref");
        r.status = text(n, "status");
        r.progress = text(n, "progress");
        r.mitigation = text(n, "mitigation");
        r.changes = text(n, "changes");
        r.impact = text(n, "impact");
        r.measures = list(n, "measures", &Reader::measure_update);
        r.update_at =
            IdViewIndex(r.measures.value, [](const MeasureUpdate& u) { return u.ref.value; });
        return r;
    }

    Risk risk(NodeRef n) {
        return {text(n, "description"), text(n, "mitigation"), text(n, "likelihood"),
                text(n, "impact"),      refs(n, "objectives"), mark_of(n)};
    }

    SupportAsk support_ask(NodeRef n) {
        return {text(n, "ask"), text(n, "theme"), refs(n, "objectives"), mark_of(n)};
    }

    Review review(NodeRef n) {
        Review r;
        r.mark = mark_of(n);
        r.period = text(n, "period");
        r.submitted = field(n, "submitted", date_of);
        r.objectives = list(n, "objectives", &Reader::objective_review);
        r.highlights = texts(n, "highlights");
        r.challenges = texts(n, "challenges");
        r.learning = texts(n, "learning");
        r.risks = list(n, "risks", &Reader::risk);
        r.support_needed = list(n, "support_needed", &Reader::support_ask);
        r.entry_at =
            IdViewIndex(r.objectives.value, [](const ObjectiveReview& o) { return o.ref.value; });
        return r;
    }

    ThemeRating theme_rating(NodeRef n) {
        return {text(n, "theme"), text(n, "rating"), text(n, "evidence"), mark_of(n)};
    }

    // The entries of a mapping of question ids to answers: comments (text or a list of
    // text), or the fields `comments` and `themes`.
    List<Answer> answers(NodeRef map, std::string_view key) {
        const NodeRef answers = map.get(key);
        List<Answer> out{{}, mark_of(answers)};
        for (std::size_t i = 0; i < answers.size() && answers.is_mapping(); ++i) {
            const NodeRef value = answers.value(i);
            Answer a{text_at(answers.key(i)), {}, {}};
            if (value.is_mapping()) {
                a.comments = texts_at(value.get("comments"));
                a.themes = refs(value, "themes");
            } else {
                a.comments = texts_at(value);
            }
            out.value.push_back(std::move(a));
        }
        return out;
    }

private:
    TextStore& store_;
};

// Reads every review status as the framework's id (a synonym such as `amber` becomes
// at-risk); an unknown word stays as written (the structure check reports it).
void use_status_ids(Template& t, const Framework& f, Reader& reader) {
    for (auto& r : t.reviews.value) {
        for (auto& o : r.objectives.value) {
            if (const Status* s = f.status_named(o.status.value);
                s != nullptr && s->id != o.status.value) {
                o.status.value = reader.keep(s->id);
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
    auto store = std::make_shared<TextStore>(value_bytes(doc));
    Reader read(*store);
    Template t;
    t.document = &doc;
    t.framework = read.text(root, "framework");
    t.cycle = read.text(root, "cycle");
    t.cycle_start = cycle_start_year(t.cycle.value);
    const NodeRef submitter = root.get("submitter");
    t.submitter_id = read.text(submitter, "id");
    t.submitter_name = read.text(submitter, "name");
    t.submitter_type = read.text(submitter, "type");
    const NodeRef contact = root.get("contact");
    t.contact_name = read.text(contact, "name");
    t.contact_role = read.text(contact, "role");
    t.contact_email = read.text(contact, "email");
    const NodeRef sa = root.get("self_assessment");
    t.self_assessment = sa.is_mapping() ? mark_of(sa) : Mark{};
    t.submitted = field(sa, "submitted", date_of);
    t.approved_by = read.text(sa, "approved_by");
    t.summary = read.text(sa, "summary");
    t.ratings = read.list(sa, "ratings", &Reader::theme_rating);
    t.objectives = read.list(sa, "objectives", &Reader::objective);
    t.reviews = read.list(root, "reviews", &Reader::review);
    t.objective_at = IdViewIndex(t.objectives.value, [](const Objective& o) { return o.id.value; });
    if (framework != nullptr) {
        use_status_ids(t, *framework, read);
    }
    t.texts = std::move(store);
    return t;
}

Feedback read_feedback(const yaml::Document& doc) {
    const NodeRef root = doc.root();
    auto store = std::make_shared<TextStore>(value_bytes(doc));
    Reader read(*store);
    Feedback f;
    f.document = &doc;
    f.framework = read.text(root, "framework");
    f.held = field(root, "held", date_of);
    const NodeRef group = root.get("group");
    f.group_initials = read.text(group, "initials");
    f.group_name = read.text(group, "name");
    f.participants = field(group, "participants", integer_of);
    f.roles = read.texts(group, "roles");
    f.facilitators = read.texts(root, "facilitators");
    f.notes = read.text(root, "notes");
    f.answers = read.answers(root, "answers");
    f.texts = std::move(store);
    return f;
}

std::string_view added_at(const Template& t, const Objective& o) {
    const std::string_view added = o.added.value;
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
