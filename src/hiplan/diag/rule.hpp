#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "hiplan/diag/severity.hpp"

namespace hiplan {

// Every rule hiplan checks. The catalogue (rule_catalogue.cpp) defines each one
// exactly once: code, slug, default severity, summary, hint and documentation.
enum class RuleId : std::uint16_t {
    // Input: the bytes and the YAML.
    NotUtf8,
    NulByte,
    YamlSyntax,
    MultipleDocuments,
    DuplicateKey,
    AnchorOrAlias,
    FileTooLarge,
    NestingTooDeep,
    EmptyFile,
    YamlTag,
    ComplexKey,
    TooManyFindings,
    CommentInText,
    CommentCutsSentence,
    // Structure: the document contract.
    UnknownKey,
    MissingField,
    WrongType,
    UnknownValue,
    DuplicateId,
    InvalidDate,
    InvalidNumber,
    UnknownKind,
    UnknownFramework,
    InvalidId,
    InvalidCycle,
    EmptyList,
    InvalidFormat,
    // Framework: the template against its framework.
    UnknownSubmitter,
    SubmitterTypeMismatch,
    ThemeNotCovered,
    ThemeNotRated,
    InvalidCarryOver,
    NoRatingScale,
    // Logic model.
    UnresolvedReference,
    WrongStage,
    UnusedActivity,
    UnusedOutput,
    LogicCycle,
    NoSystemOutcome,
    EmptyLogicStage,
    // Measures.
    NoMeasure,
    MeasureIncomplete,
    InvalidBaseline,
    TargetWrongDirection,
    BaselineAfterSetting,
    TargetBeforeSetting,
    // Reviews.
    UnknownObjective,
    ObjectiveNotReviewed,
    EscalationIncomplete,
    CompleteWithoutImpact,
    UnknownMeasure,
    DateOutsideWindow,
    NoProgress,
    // Quality (warnings).
    PlaceholderText,
    LateSubmission,
    TargetNoDate,
    DuplicateTitle,
    UnusedSuppression,
    // Feedback.
    QuestionUnanswered,
    NoQuestions,
    NoParticipants,
    // Compile: across the files of a round.
    DuplicateSubmission,
    Count_
};

// The part of the contract a rule belongs to; groups `hiplan rules` and the docs.
enum class RuleCategory : std::uint8_t {
    Input,
    Structure,
    Framework,
    LogicModel,
    Measures,
    Reviews,
    Quality,
    Feedback,
    Compile
};

std::string_view to_string(RuleCategory category);

// A rule's definition, as listed by `hiplan rules` and explained by `hiplan explain`.
struct Rule {
    RuleId id;
    std::string_view code;  // stable code, e.g. "HP201"
    std::string_view slug;  // stable kebab-case name, e.g. "unknown-key"
    Severity severity;      // default severity
    RuleCategory category;
    std::string_view summary;    // one line: what the rule checks
    std::string_view hint;       // default advice on how to fix a finding
    std::string_view rationale;  // why the rule exists (a paragraph)
    std::string_view bad;        // a failing YAML example
    std::string_view good;       // the same example, fixed
};

// Returns the definition of `id`.
const Rule& rule(RuleId id);

// Returns every rule, in code order.
std::span<const Rule> all_rules();

// Finds a rule by code ("HP201", case-insensitive) or slug ("unknown-key").
const Rule* find_rule(std::string_view code_or_slug);

}  // namespace hiplan
