#include "hiplan/model/framework.hpp"

#include <algorithm>

#include "hiplan/model/read.hpp"
#include "hiplan/model/support_kinds.hpp"
#include "hiplan/util/date.hpp"

namespace hiplan::model {

namespace {

MonthDay month_day_of(yaml::NodeRef node) {
    const auto md = parse_month_day(text_of(node));
    return md ? MonthDay{md->first, md->second} : MonthDay{};
}

Window window_of(yaml::NodeRef node) {
    return {month_day_of(node.get("opens")), month_day_of(node.get("deadline")),
            month_number(text_of(node.get("board")))};
}

}  // namespace

std::string word_key(std::string_view word) {
    std::string key(word);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (c == ' ' || c == '_') {
            c = '-';
        }
    }
    return key;
}

const std::vector<std::string>& Framework::ids(Vocab vocab) const {
    return ids_[static_cast<std::size_t>(vocab)];
}

std::optional<std::size_t> Framework::find(Vocab vocab, std::string_view wanted) const {
    return at_[static_cast<std::size_t>(vocab)].find(wanted);
}

const Theme* Framework::theme(std::string_view wanted) const {
    return find_in(themes, at_[static_cast<std::size_t>(Vocab::Theme)], wanted);
}
const Status* Framework::status(std::string_view wanted) const {
    return find_in(statuses, at_[static_cast<std::size_t>(Vocab::Status)], wanted);
}
const Status* Framework::status_named(std::string_view written) const {
    if (const Status* exact = status(written)) {
        return exact;
    }
    const auto at = status_word_at_.find(word_key(written));
    return at ? &statuses[status_of_word_[*at]] : nullptr;
}
bool Framework::accepts(Vocab vocab, std::string_view written) const {
    return vocab == Vocab::Status ? status_named(written) != nullptr
                                  : find(vocab, written).has_value();
}
const Submitter* Framework::submitter(std::string_view wanted) const {
    return find_in(submitters, submitter_at_, wanted);
}

void Framework::index() {
    auto collect = [](const auto& items) {
        std::vector<std::string> out;
        out.reserve(items.size());
        for (const auto& x : items) {
            out.push_back(x.id);
        }
        return out;
    };
    ids_[static_cast<std::size_t>(Vocab::Theme)] = collect(themes);
    ids_[static_cast<std::size_t>(Vocab::Outcome)] = collect(outcomes);
    ids_[static_cast<std::size_t>(Vocab::Status)] = collect(statuses);
    ids_[static_cast<std::size_t>(Vocab::Rating)] = collect(ratings);
    ids_[static_cast<std::size_t>(Vocab::Focus)] = collect(focus);
    ids_[static_cast<std::size_t>(Vocab::Question)] = collect(questions);
    for (std::size_t v = 0; v < ids_.size(); ++v) {
        at_[v] = IdIndex(ids_[v], [](const std::string& s) { return s; });
    }
    submitter_ids_ = collect(submitters);
    submitter_at_ = IdIndex(submitter_ids_, [](const std::string& s) { return s; });
    std::vector<std::string> words;
    status_of_word_.clear();
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        words.push_back(word_key(statuses[i].id));
        status_of_word_.push_back(i);
        for (const auto& synonym : statuses[i].synonyms) {
            words.push_back(word_key(synonym));
            status_of_word_.push_back(i);
        }
    }
    status_word_at_ = IdIndex(words, [](const std::string& s) { return s; });
    const bool has_other =
        std::any_of(support_kinds.begin(), support_kinds.end(),
                    [](const SupportKind& k) { return k.id == k_other_support_kind; });
    if (!has_other) {
        support_kinds.push_back(default_support_kinds().back());
    }
}

Framework read_framework(yaml::NodeRef root, std::string origin) {
    Framework f;
    f.origin = std::move(origin);
    f.id = text_of(root.get("id"));
    f.name = text_of(root.get("name"));
    f.version = text_of(root.get("version"));
    f.description = text_of(root.get("description"));
    f.themes = read_list<Theme>(root.get("themes"), [](yaml::NodeRef n) {
        return Theme{text_of(n.get("id")), text_of(n.get("name")), text_of(n.get("description")),
                     texts_of(n.get("examples"))};
    });
    f.conditions = read_list<Condition>(root.get("conditions"), [](yaml::NodeRef n) {
        return Condition{text_of(n.get("id")), text_of(n.get("name")),
                         text_of(n.get("description"))};
    });
    f.outcomes = read_list<Outcome>(root.get("outcomes"), [](yaml::NodeRef n) {
        return Outcome{text_of(n.get("id")), text_of(n.get("name")), text_of(n.get("description")),
                       texts_of(n.get("measures"))};
    });
    f.submitters = read_list<Submitter>(root.get("submitters"), [](yaml::NodeRef n) {
        return Submitter{text_of(n.get("id")), text_of(n.get("name")), text_of(n.get("type"))};
    });
    const yaml::NodeRef cal = root.get("calendar");
    f.calendar = {window_of(cal.get("objective_setting")), window_of(cal.get("spring_review")),
                  window_of(cal.get("autumn_review")), date_of(cal.get("feedback_deadline"))};
    f.statuses = read_list<Status>(root.get("statuses"), [](yaml::NodeRef n) {
        return Status{text_of(n.get("id")),
                      text_of(n.get("name")),
                      text_of(n.get("rag")),
                      text_of(n.get("colour")),
                      boolean_of(n.get("escalate")).value_or(false),
                      boolean_of(n.get("closed")).value_or(false),
                      texts_of(n.get("synonyms"))};
    });
    f.ratings = read_list<Rating>(root.get("ratings"), [](yaml::NodeRef n) {
        return Rating{text_of(n.get("id")), text_of(n.get("name")), text_of(n.get("colour")),
                      integer_of(n.get("score")).value_or(0)};
    });
    f.focus = read_list<FocusArea>(root.get("focus"), [](yaml::NodeRef n) {
        return FocusArea{text_of(n.get("id")), text_of(n.get("name")), text_of(n.get("group"))};
    });
    f.questions = read_list<Question>(root.get("questions"), [](yaml::NodeRef n) {
        return Question{text_of(n.get("id")), text_of(n.get("text")), text_of(n.get("short"))};
    });
    // Without the key (or its value), the defaults; `index` adds `other` to a list that
    // leaves it out.
    const yaml::NodeRef kinds = root.get("support_kinds");
    f.support_kinds = !kinds.valid() || kinds.is_null()
                          ? default_support_kinds()
                          : read_list<SupportKind>(kinds, [](yaml::NodeRef n) {
                                return SupportKind{text_of(n.get("id")), text_of(n.get("name")),
                                                   texts_of(n.get("keywords"))};
                            });
    const yaml::NodeRef rules = root.get("rules");
    Settings& s = f.settings;
    s.min_objectives_per_theme =
        integer_of(rules.get("min_objectives_per_theme")).value_or(s.min_objectives_per_theme);
    s.baseline_required = boolean_of(rules.get("baseline_required")).value_or(s.baseline_required);
    s.measures_required = boolean_of(rules.get("measures_required")).value_or(s.measures_required);
    s.late_grace_days = integer_of(rules.get("late_grace_days")).value_or(s.late_grace_days);
    f.index();
    return f;
}

}  // namespace hiplan::model
