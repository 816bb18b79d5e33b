#include "hiplan/schema/shapes.hpp"

namespace hiplan::schema {

const Shape& feedback_shape() {
    using namespace common;
    static const Shape kind{.type = Type::Enum, .values = {"feedback"}};
    // Fewer than one is HP803; the sum over a round stays far from overflowing.
    static const Shape participants{.type = Type::Integer, .max = 1'000'000, .rule_min = 1};
    static const Shape group{
        .type = Type::Object,
        .name = "group",
        .fields = {{"initials", &text(), true, "Initials of the group or team, e.g. LCH-CNT"},
                   {"name", &text(), false, "Name of the group or team"},
                   {"participants", &participants, true, "Number of people spoken to"},
                   {"roles", &text_list(), false, "Roles of the participants"}}};
    static const Shape comments{.type = Type::TextOrList, .name = "comments"};
    static const Shape theme{.type = Type::VocabId, .vocab = Vocab::Theme};
    static const Shape themes{.type = Type::List, .name = "themes", .item = &theme};
    // The comments alone, or the comments with the priority areas (themes) they speak to.
    static const Shape answer{
        .type = Type::TextOrList,
        .name = "answer",
        .fields = {{"comments", &comments, false, "What the group said: text or a list of text"},
                   {"themes", &themes, false,
                    "Ids of the framework themes (priority areas) the answer speaks to"}}};
    static const Shape answers{.type = Type::Map,
                               .name = "answers",
                               .item = &answer,
                               .min_items = 1,
                               .vocab = Vocab::Question,
                               .rule_every_key = true};
    static const Shape shape{
        .type = Type::Object,
        .name = "feedback",
        .fields = {{"kind", &kind, true, "Always 'feedback'"},
                   {"framework", &id(), true, "Id of the framework, e.g. leeds-thig"},
                   {"held", &date(), true, "Date of the conversation"},
                   {"group", &group, true, "Who the conversation was with"},
                   {"facilitators", &text_list(), false, "Who led it"},
                   {"answers", &answers, true, "Answers, one entry per framework question"},
                   {"notes", &text(), false, "Anything else"}}};
    return shape;
}

}  // namespace hiplan::schema
