// The rule catalogue: every rule hiplan checks, defined once.
//
// `hiplan rules`, `hiplan explain`, docs/rules.md and the SARIF rule list are all
// generated from this table. Codes and slugs are a public contract: never reuse or
// rename one (add an alias instead).
#include <algorithm>
#include <array>
#include <cctype>

#include "hiplan/diag/rule.hpp"

namespace hiplan {

namespace {

using enum RuleId;
using enum RuleCategory;
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

constexpr std::array k_rules = {
    // ---- Input -------------------------------------------------------------------------
    Rule{NotUtf8, "HP101", "not-utf8", E, Input, "The file is not valid UTF-8.",
         "save the file as UTF-8 (in Word or Excel: 'Save as' and choose UTF-8)",
         "Templates are exchanged between organisations and end up in the Board workbook. "
         "Bytes that are not UTF-8 (often a file saved as Windows-1252 or UTF-16) would be "
         "shown as garbage or make the workbook unreadable, so they are refused with the "
         "position of the first bad byte.",
         "title: Caf\\xe9 core funding   # saved as Windows-1252\n",
         "title: Café core funding       # saved as UTF-8\n"},
    Rule{NulByte, "HP102", "nul-byte", E, Input, "The file contains a NUL byte.",
         "remove the NUL character; it is usually left by a copy from a binary file",
         "A NUL byte is never part of a text template. It usually means the file is binary, "
         "UTF-16, or was damaged in transit.",
         "title: Digital hubs\\0\n", "title: Digital hubs\n"},
    Rule{YamlSyntax, "HP103", "yaml-syntax", E, Input, "The file is not well-formed YAML.",
         "check indentation (spaces, not tabs) and quote text that contains ': ' or starts "
         "with a special character",
         "hiplan reads templates as YAML. A syntax error stops the reading of the file, so it "
         "is reported alone: fix it, then lint again to see the remaining findings.",
         "title: Outreach: phase 2\n", "title: \"Outreach: phase 2\"\n"},
    Rule{MultipleDocuments, "HP104", "multiple-documents", E, Input,
         "The file holds more than one YAML document.",
         "keep one template per file; split the documents at '---' into separate files",
         "One file is one template (or one feedback record, or one framework). A second "
         "document after '---' would otherwise be silently ignored.",
         "kind: template\n---\nkind: template\n", "kind: template\n"},
    Rule{DuplicateKey, "HP105", "duplicate-key", E, Input,
         "A field is written twice in the same block.",
         "delete one of the two entries, or merge them",
         "Each field may appear once in a block. Most tools silently keep one of the two values "
         "and drop the other, so data is lost without anyone noticing. hiplan keeps the first "
         "value and reports the second, naming where the first was written.",
         "title: Digital hubs\ntitle: Digital inclusion hubs\n", "title: Digital inclusion hubs\n"},
    Rule{AnchorOrAlias, "HP106", "anchor-or-alias", E, Input,
         "The file uses a YAML anchor (&) or alias (*).",
         "write the value out in full where it is needed",
         "Anchors and aliases let one value stand in many places. They make templates hard to "
         "read for reviewers and allow 'alias bombs' and cyclic documents, so templates may "
         "not use them. An alias is read as an empty value.",
         "lead: &lead Director of Public Health\n...\nlead: *lead\n",
         "lead: Director of Public Health\n...\nlead: Director of Public Health\n"},
    Rule{FileTooLarge, "HP107", "file-too-large", E, Input,
         "The file is larger than the size limit.",
         "a template is normally well under 1 MB; check this is the right file, or raise the "
         "limit with --max-file-size",
         "A limit on the input size bounds the memory and time a lint or compile can take, "
         "whatever files are put in the submissions folder. The default is 8 MiB.",
         "", ""},
    Rule{NestingTooDeep, "HP108", "nesting-too-deep", E, Input,
         "Lists and blocks of fields are nested deeper than the limit.",
         "a template needs at most about 8 levels of nesting; check the indentation",
         "Deep nesting is never needed by the template contract and is a classic way to crash "
         "parsers, so documents deeper than 64 levels are refused.",
         "a: [[[[[[[[[[ ... ]]]]]]]]]]\n", "a: [1, 2]\n"},
    Rule{EmptyFile, "HP109", "empty-file", E, Input, "The file has no content.",
         "start from `hiplan init`, which writes a commented starter template",
         "An empty file, or one with only comments, is not a template.", "# nothing here\n",
         "kind: template\nframework: one-gloucestershire\n"},
    Rule{YamlTag, "HP110", "yaml-tag", E, Input,
         "The file marks a value's type with '!!' (such as !!str).",
         "remove the '!!' mark; quote the value if you need it to be text",
         "Marks such as !!str change how values are typed. The template contract fixes every "
         "field's "
         "type, so tags are unnecessary and are refused to keep files simple and portable.",
         "cycle: !!str 2026-27\n", "cycle: 2026-27\n"},
    Rule{ComplexKey, "HP111", "complex-key", E, Input,
         "A field's name is a list, a block or empty.",
         "write the field's name as a plain word, such as 'title:'",
         "Every field of the template contract is named by a plain word. A name written as a "
         "list ('? [a, b]') or left empty is refused, and its value is ignored.",
         "? [a, b]\n: value\n", "title: value\n"},

    Rule{TooManyFindings, "HP112", "too-many-findings", E, Input,
         "The file has more findings than hiplan reports for one file.",
         "fix the findings shown and lint again; a file this broken is usually the wrong file",
         "At most 1,000 findings are kept per file, so that a hostile or badly damaged file "
         "cannot exhaust memory or flood the output. This finding says how many more there "
         "were. Findings switched off (--ignore, .hiplan.yaml, inline comments) do not count.",
         "", ""},
    Rule{CommentInText, "HP113", "comment-in-text", W, Input,
         "A word is cut short by a ' #' that YAML reads as the start of a comment.",
         "quote the whole text if the '#' belongs to it; write a comment as '# note'",
         "In YAML, a '#' after a space starts a comment: the rest of the line is dropped "
         "without a word, and the shortened text reaches the Board. A comment written '# note' "
         "(with a space after the '#') is taken as meant; '#62' or '#1' straight after text is "
         "taken as a slip.",
         "lead: GHC-1 #main\n", "lead: GHC-1  # main\n"},
    Rule{CommentCutsSentence, "HP114", "comment-cuts-sentence", E, Input,
         "A sentence is cut short by a ' #' that YAML reads as the start of a comment.",
         "put the whole text in quotes, so that the '#' and what follows stay in it",
         "In YAML, a '#' after a space starts a comment: the rest of the line is dropped without "
         "a word. When what is left is a sentence cut in the middle (several words, no full stop), "
         "the Board would read half a sentence, so it is an error; a single word cut by '#1' is "
         "a warning (HP113).",
         "progress: The outreach van ran #62 sessions\n",
         "progress: \"The outreach van ran #62 sessions\"\n"},

    // ---- Structure ---------------------------------------------------------------------
    Rule{UnknownKey, "HP201", "unknown-key", E, Structure,
         "A field that the document contract does not define.",
         "check the spelling; `hiplan schema` lists every field",
         "Misspelt field names are the most common mistake in a hand-written template, and a "
         "checker that ignores them silently drops the data. Every unknown field is an error, "
         "with the closest known field suggested.",
         "objectives:\n  - id: GHC-1\n    titel: Improve SMI health checks\n",
         "objectives:\n  - id: GHC-1\n    title: Improve SMI health checks\n"},
    Rule{MissingField, "HP202", "missing-field", E, Structure,
         "A required field is missing or has no value.",
         "add the field; `hiplan init` writes a starter file with every required field",
         "The Board summary needs every required field. The finding points at the block "
         "that should hold the field.",
         "objectives:\n  - id: GHC-1\n    theme: targeted\n",
         "objectives:\n  - id: GHC-1\n    title: Improve SMI health checks\n    theme: targeted\n"},
    Rule{WrongType, "HP203", "wrong-type", E, Structure,
         "A value has the wrong form (text, number, list, block of fields, true/false).",
         "write the value in the form the field expects",
         "YAML guesses types, and its guesses surprise people: 'yes' and 'on' look like "
         "true/false to some tools, and quoted numbers are text. hiplan types every field "
         "strictly: true/false are the only booleans, and a quoted \"12\" is text.",
         "participants: \"9\"\n", "participants: 9\n"},
    Rule{UnknownValue, "HP204", "unknown-value", E, Structure,
         "A value is not in the framework's vocabulary (theme, status, rating, focus, ...).",
         "use one of the values the framework defines; `hiplan schema --framework ID` lists "
         "them all",
         "Themes, statuses, ratings, focus areas, outcomes and questions are defined by the "
         "framework file, so the Board summary can count them. A value outside the "
         "vocabulary could not be counted, so it is an error, with the closest valid value "
         "suggested.",
         "theme: targetted\n", "theme: targeted\n"},
    Rule{DuplicateId, "HP205", "duplicate-id", E, Structure,
         "Two items in the same list share an id.",
         "give each item its own id; ids must stay stable across reviews",
         "Objectives, measures and logic-model elements are referred to by id from reviews "
         "and from other elements. Two items with one id make those references ambiguous.",
         "objectives:\n  - id: GHC-1\n  - id: GHC-1\n",
         "objectives:\n  - id: GHC-1\n  - id: GHC-2\n"},
    Rule{InvalidDate, "HP206", "invalid-date", E, Structure,
         "A date is not a real calendar date in the form YYYY-MM-DD.",
         "write dates as YYYY-MM-DD, e.g. 2026-10-14",
         "Dates decide lateness, baselines and review periods. Only real ISO dates are "
         "accepted: 2027-02-30 and 14/10/2026 are errors.",
         "submitted: 2027-02-30\n", "submitted: 2027-02-28\n"},
    Rule{InvalidNumber, "HP207", "invalid-number", E, Structure,
         "A number is written in a form that is ambiguous or not finite.",
         "write plain decimal numbers such as 61.2 or 8; no leading zeros, NaN or infinity",
         "YAML reads 010 as 8 (octal) in some tools and 10 in others, and accepts .nan and "
         ".inf, which would corrupt the workbook. Numbers must be plain, finite decimals.",
         "baseline: {value: 010, as_of: 2026-03-31}\n",
         "baseline: {value: 10, as_of: 2026-03-31}\n"},
    Rule{UnknownKind, "HP208", "unknown-kind", E, Structure,
         "The document's `kind` is missing or not one of template, feedback or framework.",
         "start the file with 'kind: template' (or feedback, or framework)",
         "The kind says which contract a document follows. Without it nothing else can be "
         "checked.",
         "kind: tempalte\n", "kind: template\n"},
    Rule{UnknownFramework, "HP209", "unknown-framework", E, Structure,
         "The document names a framework that hiplan does not know.",
         "use a built-in framework (one-gloucestershire, leeds-thig) or pass --framework FILE",
         "Themes, outcomes, submitters and vocabularies come from the framework, so the "
         "framework must be known before the template can be checked against it.",
         "framework: one-glos\n", "framework: one-gloucestershire\n"},
    Rule{InvalidId, "HP210", "invalid-id", E, Structure,
         "An id contains characters other than letters, digits, '-', '_' and '.'.",
         "use short ids such as GHC-1, A1, M2",
         "Ids are used in references, file names and workbook cells. Keeping them to a safe "
         "alphabet avoids quoting problems and look-alike characters.",
         "id: GHC 1\n", "id: GHC-1\n"},
    Rule{InvalidCycle, "HP211", "invalid-cycle", E, Structure,
         "A cycle is not written as two consecutive years, YYYY-YY.",
         "write the planning cycle as e.g. 2026-27",
         "A cycle runs from objective setting in September/October to the autumn review a "
         "year later, and is named by its two years, as in NHS planning.",
         "cycle: 2026-2028\n", "cycle: 2026-27\n"},
    Rule{EmptyList, "HP212", "empty-list", E, Structure,
         "A list that must have at least one item is empty.", "add at least one item",
         "Some lists carry the substance of the template (objectives, activities, answers). "
         "An empty list there means the section was not filled in.",
         "objectives: []\n", "objectives:\n  - id: GHC-1\n    ...\n"},
    Rule{InvalidFormat, "HP213", "invalid-format", E, Structure,
         "A value does not have the required format (colour, month-day, e-mail, ...).",
         "follow the format given in the message",
         "Some framework and template fields have a fixed textual format so that they can be "
         "used by the workbook (colours as #RRGGBB, calendar dates as MM-DD).",
         "colour: green\n", "colour: \"#00B050\"\n"},

    // ---- Framework ---------------------------------------------------------------------
    Rule{UnknownSubmitter, "HP301", "unknown-submitter", E, Framework,
         "The submitter is not in the framework's registry of expected submitters.",
         "use the submitter id from the framework (hiplan init --submitter ID writes it for "
         "you), or ask the manager to add the organisation to the framework",
         "The Board summary counts who has and has not submitted against the framework's "
         "registry. A template from an unknown submitter could not be counted.",
         "submitter: {id: GHCT, name: Gloucestershire Health and Care, type: organisation}\n",
         "submitter: {id: GHC, name: Gloucestershire Health and Care NHS Foundation Trust, "
         "type: organisation}\n"},
    Rule{SubmitterTypeMismatch, "HP302", "submitter-type-mismatch", E, Framework,
         "The submitter's type differs from the framework's registry.",
         "use the type the framework gives this submitter (organisation, ilp or cpg)",
         "Organisations, integrated locality partnerships and clinical programme groups are "
         "summarised separately, so the type must match the registry.",
         "submitter: {id: ILP-COTSWOLD, name: Cotswold ILP, type: organisation}\n",
         "submitter: {id: ILP-COTSWOLD, name: Cotswold ILP, type: ilp}\n"},
    Rule{ThemeNotCovered, "HP303", "theme-not-covered", E, Framework,
         "A framework theme has fewer objectives than the framework requires.",
         "add an objective under the theme; choose the theme that fits each objective best",
         "The user guide asks every organisation and partnership to identify at least one "
         "objective under each of the themes (buckets) of the health inequalities framework, "
         "so the Board can see the balance of activity across the system.",
         "objectives:\n  - {id: GHC-1, theme: targeted, ...}\n",
         "objectives:\n  - {id: GHC-1, theme: targeted, ...}\n  - {id: GHC-2, theme: "
         "contributory, ...}\n  - {id: GHC-3, theme: mainstream-equity, ...}\n"},
    Rule{ThemeNotRated, "HP304", "theme-not-rated", W, Framework,
         "A framework theme has no self-assessment rating.",
         "add a rating for the theme under self_assessment.ratings, with its evidence",
         "When the framework defines a rating scale, the self-assessment rates the "
         "organisation's position under every theme; the Board workbook shows the ratings as "
         "a heat map, where a missing rating is a gap. A framework without a scale (the "
         "built-in ones) asks for no ratings.",
         "ratings:\n  - {theme: targeted, rating: developing, evidence: ...}\n",
         "ratings:\n  - {theme: targeted, rating: developing, evidence: ...}\n"
         "  - {theme: contributory, rating: achieving, evidence: ...}\n"
         "  - {theme: mainstream-equity, rating: developing, evidence: ...}\n"},
    Rule{InvalidCarryOver, "HP305", "invalid-carry-over", E, Framework,
         "carried_over_from is not CYCLE/ID naming an earlier cycle.",
         "write the earlier cycle and the objective's id there, e.g. 2025-26/GHC-4",
         "Objectives often take longer than a year. carried_over_from links an objective to "
         "its earlier self, so progress can be followed across cycles.",
         "carried_over_from: GHC-4\n", "carried_over_from: 2025-26/GHC-4\n"},
    Rule{NoRatingScale, "HP306", "no-rating-scale", E, Framework,
         "The template gives self-assessment ratings, but its framework defines no rating "
         "scale.",
         "remove the ratings list: this framework does not rate themes",
         "A rating means something only on a scale the framework defines. The One "
         "Gloucestershire guide and the Leeds road test define none, so their built-in "
         "frameworks take no ratings; a framework file that wants them lists its scale under "
         "'ratings'.",
         "framework: one-gloucestershire\nself_assessment:\n  ratings:\n    - {theme: "
         "targeted, rating: developing, evidence: ...}\n",
         "framework: one-gloucestershire\nself_assessment:\n  summary: ...\n"},

    // ---- Logic model -------------------------------------------------------------------
    Rule{UnresolvedReference, "HP401", "unresolved-reference", E, LogicModel,
         "A from or tracks id does not name an element of the objective's logic model.",
         "use the id of an activity, output or outcome of the same objective",
         "The logic model ties activities to outputs to outcomes by id. A reference that "
         "resolves to nothing breaks the chain the Board relies on.",
         "outputs: [{id: P1, text: Clinics held, from: [A2]}]   # there is no A2\n",
         "outputs: [{id: P1, text: Clinics held, from: [A1]}]\n"},
    Rule{WrongStage, "HP402", "wrong-stage", E, LogicModel,
         "A reference skips or reverses a stage of the logic model.",
         "outputs come from activities; outcomes from outputs or earlier outcomes; measures "
         "track outputs or outcomes",
         "The logic model runs inputs -> activities -> outputs -> outcomes -> shared "
         "outcomes. References must follow that direction.",
         "outputs: [{id: P1, text: Clinics held, from: [C1]}]\n",
         "outputs: [{id: P1, text: Clinics held, from: [A1]}]\n"},
    Rule{UnusedActivity, "HP403", "unused-activity", E, LogicModel, "An activity feeds no output.",
         "list the activity in the from of the output it produces, or remove it",
         "Every activity should lead somewhere: an activity that feeds no output cannot be "
         "shown to contribute to the shared outcomes.",
         "activities: [{id: A1, ...}, {id: A2, ...}]\noutputs: [{id: P1, from: [A1], ...}]\n",
         "activities: [{id: A1, ...}, {id: A2, ...}]\noutputs: [{id: P1, from: [A1, A2], ...}]\n"},
    Rule{UnusedOutput, "HP404", "unused-output", E, LogicModel, "An output feeds no outcome.",
         "list the output in the from of the outcome it leads to, or remove it",
         "Every output should lead to a change for people: an output that feeds no outcome "
         "breaks the chain to the shared outcomes.",
         "outputs: [{id: P1, ...}, {id: P2, ...}]\noutcomes: [{id: C1, from: [P1], ...}]\n",
         "outputs: [{id: P1, ...}, {id: P2, ...}]\noutcomes: [{id: C1, from: [P1, P2], ...}]\n"},
    Rule{LogicCycle, "HP405", "logic-cycle", E, LogicModel,
         "Outcomes lead to each other in a circle.",
         "break the circle: an outcome should come from outputs or from shorter-term outcomes",
         "Outcomes may build on earlier outcomes (short -> medium -> long), but a circle "
         "of outcomes has no starting point and cannot be evidenced.",
         "outcomes:\n  - {id: C1, from: [C2], ...}\n  - {id: C2, from: [C1], ...}\n",
         "outcomes:\n  - {id: C1, from: [P1], ...}\n  - {id: C2, from: [C1], ...}\n"},
    Rule{NoSystemOutcome, "HP406", "no-system-outcome", E, LogicModel,
         "The objective does not reach any of the framework's shared outcomes.",
         "name at least one framework outcome in contributes_to, and give the logic model at "
         "least one outcome",
         "The ICS's organisations and partnerships contribute to long-term shared outcomes "
         "such as reduced inequality in life expectancy. Each objective must say which.",
         "contributes_to: []\n", "contributes_to: [life-expectancy-gap]\n"},
    Rule{EmptyLogicStage, "HP407", "empty-logic-stage", E, LogicModel,
         "A stage of the logic model (inputs, activities, outputs, outcomes) is empty.",
         "describe at least one item at every stage",
         "A logic model with an empty stage does not explain how resources turn into change.",
         "inputs: []\n", "inputs: [Two outreach nurses, Clinic space in community venues]\n"},

    // ---- Measures ----------------------------------------------------------------------
    Rule{NoMeasure, "HP501", "no-measure", E, Measures, "An objective has no measure.",
         "add at least one measure with an indicator, direction, baseline, target and source",
         "Linking objectives to specific indicators is how organisations show the impact "
         "they are making; an objective without a measure cannot be reviewed.",
         "- id: GHC-1\n  title: ...\n",
         "- id: GHC-1\n  title: ...\n  measures:\n    - {id: M1, "
         "indicator: ..., direction: increase, ...}\n"},
    Rule{MeasureIncomplete, "HP502", "measure-incomplete", E, Measures,
         "A measure lacks its direction, baseline, target or source.",
         "add the missing part; use baseline: {new: true, by: DATE} for a new measure",
         "A measure is only useful at review time if it says which way is better, where it "
         "started, where it should get to, and where the data comes from.",
         "- {id: M1, indicator: Uptake, target: {value: 60, by: 2026-09-30}}\n",
         "- {id: M1, indicator: Uptake, direction: increase, source: SystmOne,\n"
         "   baseline: {value: 48, as_of: 2025-03-31}, target: {value: 60, by: 2026-09-30}}\n"},
    Rule{InvalidBaseline, "HP503", "invalid-baseline", E, Measures,
         "A baseline is neither {value, as_of} nor {new: true, by}.",
         "give a value and the date it refers to, or new: true and the date a baseline will "
         "be set",
         "A baseline is a value at a date. For a measure that is new, say so and say when "
         "its baseline will be known, within the cycle.",
         "baseline: {value: 48}\n", "baseline: {value: 48, as_of: 2025-03-31}\n"},
    Rule{TargetWrongDirection, "HP504", "target-wrong-direction", E, Measures,
         "The target does not lie in the measure's direction from the baseline.",
         "check the direction (increase or decrease) and the target value",
         "A target below the baseline of a measure that should increase (or the reverse) is "
         "almost always a typing mistake, and would show as failure when it is progress.",
         "direction: increase\nbaseline: {value: 48, as_of: 2025-03-31}\ntarget: {value: 40, "
         "by: 2026-09-30}\n",
         "direction: increase\nbaseline: {value: 48, as_of: 2025-03-31}\ntarget: {value: 60, "
         "by: 2026-09-30}\n"},
    Rule{BaselineAfterSetting, "HP505", "baseline-after-setting", E, Measures,
         "A baseline is dated after the self-assessment was submitted.",
         "date the baseline at or before the submission, or mark the measure new: true",
         "A baseline describes the position when objectives are set; a later date is a "
         "typing mistake or a measure that is really new.",
         "submitted: 2025-10-10\n...\nbaseline: {value: 48, as_of: 2026-03-31}\n",
         "submitted: 2025-10-10\n...\nbaseline: {value: 48, as_of: 2025-03-31}\n"},
    Rule{TargetBeforeSetting, "HP506", "target-before-setting", E, Measures,
         "A target date is on or before the objective-setting date.",
         "set a target date after the self-assessment is submitted",
         "Targets look forward from the moment objectives are set.",
         "submitted: 2025-10-10\n...\ntarget: {value: 60, by: 2025-03-31}\n",
         "submitted: 2025-10-10\n...\ntarget: {value: 60, by: 2026-09-30}\n"},

    // ---- Reviews -----------------------------------------------------------------------
    Rule{UnknownObjective, "HP601", "unknown-objective", E, Reviews,
         "A review, risk or support ask refers to an objective that is not in this file.",
         "use the id of one of this template's objectives",
         "Reviews report on the objectives set in the self-assessment of the same template, "
         "by their stable ids.",
         "- {ref: GHC-9, status: on-track}   # there is no GHC-9\n",
         "- {ref: GHC-1, status: on-track}\n"},
    Rule{ObjectiveNotReviewed, "HP602", "objective-not-reviewed", E, Reviews,
         "An objective is missing from a review.",
         "add the objective to the review with its status and progress",
         "Each six-monthly review reflects on progress against every objective set, so the "
         "Board sees the whole picture.",
         "objectives: [{id: GHC-1}, {id: GHC-2}]\nreviews:\n  - period: spring\n    "
         "objectives: [{ref: GHC-1, ...}]\n",
         "reviews:\n  - period: spring\n    objectives: [{ref: GHC-1, ...}, {ref: GHC-2, ...}]\n"},
    Rule{EscalationIncomplete, "HP603", "escalation-incomplete", E, Reviews,
         "An at-risk or off-track objective says nothing about what is being done about it.",
         "add 'mitigation:' (what is being done), or a support_needed ask naming the objective",
         "When an objective is at risk or off track the Board needs to know why, what is "
         "being done, and what system-level support would help.",
         "- {ref: GHC-2, status: at-risk}\n",
         "- {ref: GHC-2, status: at-risk, progress: Two nurse vacancies.,\n"
         "   mitigation: Bank nurses booked.}\n"},
    Rule{CompleteWithoutImpact, "HP604", "complete-without-impact", E, Reviews,
         "A complete objective gives no evidence of impact.",
         "describe the impact in 'impact:' (what changed, for whom, with figures)",
         "Completion is reported to the Board as impact; without evidence it cannot be "
         "shared as good practice.",
         "- {ref: GHC-1, status: complete}\n",
         "- {ref: GHC-1, status: complete, impact: Uptake rose from 48% to 63% in Core20 "
         "areas.}\n"},
    Rule{UnknownMeasure, "HP605", "unknown-measure", E, Reviews,
         "A measure update names a measure the objective does not have.",
         "use the id of one of this objective's measures",
         "Measure updates are matched to baselines and targets by id to show progress.",
         "- {ref: GHC-1, status: on-track, measures: [{ref: M9, value: 5, as_of: "
         "2026-03-31}]}\n",
         "- {ref: GHC-1, status: on-track, measures: [{ref: M1, value: 5, as_of: "
         "2026-03-31}]}\n"},
    Rule{DateOutsideWindow, "HP606", "date-outside-window", E, Reviews,
         "A submission or review date does not fit its period of the cycle.",
         "check the year: objectives are set in the cycle's first autumn, reviews follow in "
         "the next spring and autumn",
         "A cycle 2025-26 sets objectives in September/October 2025, reviews them in "
         "March/April 2026 (spring) and September/October 2026 (autumn). A date outside its "
         "window usually means the wrong year or the wrong period.",
         "cycle: 2025-26\nreviews:\n  - {period: spring, submitted: 2025-04-10}\n",
         "cycle: 2025-26\nreviews:\n  - {period: spring, submitted: 2026-04-10}\n"},
    Rule{NoProgress, "HP607", "no-progress", E, Reviews,
         "A reviewed objective has no sentence of progress.",
         "say in 'progress:' what has happened in the last six months, in a sentence",
         "A review counts only with its narrative: the Board reads what happened, not only a "
         "status. Each objective in a review needs a sentence of progress (at least three "
         "words), whatever its status; when several have none, one finding lists them.",
         "- {ref: GHC-1, status: on-track}\n- {ref: GHC-2, status: complete, progress: Done}\n",
         "- {ref: GHC-1, status: on-track, progress: Six sessions ran in the spring.}\n"},

    // ---- Quality -----------------------------------------------------------------------
    Rule{PlaceholderText, "HP701", "placeholder-text", E, Quality,
         "Text is a placeholder (TBC, TODO, XXX, ?, N/A, to follow, lorem ipsum) or empty.",
         "write the real content, or leave an optional field out",
         "A template still holding placeholders is not ready for the Board: they would reach "
         "the Board paper as they are, so it does not count as a submission until they are "
         "replaced. The same placeholder in the same field of several items (the title of "
         "every objective of an untouched starter) is one finding that lists the lines.",
         "lead: TBC\n", "lead: Director of Operations\n"},
    Rule{LateSubmission, "HP702", "late-submission", W, Quality,
         "A self-assessment, review or road-test feedback is dated after the framework's "
         "deadline.",
         "nothing to fix in the file; tell the Health Inequalities Improvement Manager",
         "The Board paper is drafted from the submissions received by the deadline "
         "(mid-October and mid-April). Late submissions are flagged in the workbook. Road-test "
         "feedback is collated by the framework's feedback deadline (the end of March 2021 "
         "for the Leeds road test); a conversation held after it missed the collation.",
         "submitted: 2025-10-30   # deadline 10-15\n", "submitted: 2025-10-14\n"},
    Rule{TargetNoDate, "HP703", "target-no-date", W, Quality,
         "A target has no date to be reached by.", "add 'by: YYYY-MM-DD' to the target",
         "A target without a date cannot be judged on track or off track.", "target: {value: 60}\n",
         "target: {value: 60, by: 2026-09-30}\n"},
    Rule{DuplicateTitle, "HP704", "duplicate-title", W, Quality,
         "Two objectives in one template have the same title.",
         "merge the objectives, or make each title say what is different",
         "Two objectives with one title are usually a copy-and-paste slip, and look like "
         "duplication in the Board summary.",
         "- {id: GHC-1, title: Digital inclusion}\n- {id: GHC-2, title: Digital inclusion}\n",
         "- {id: GHC-1, title: Digital inclusion hubs}\n- {id: GHC-2, title: Digital skills "
         "for carers}\n"},

    Rule{UnusedSuppression, "HP705", "unused-suppression", W, Quality,
         "An inline suppression suppresses nothing, or names an unknown rule.",
         "remove the comment, or fix the rule name in it",
         "A '# hiplan: ignore[rule]' comment that no longer matches a finding hides nothing "
         "today but would hide a real problem tomorrow. Keeping suppressions exact keeps them "
         "honest.",
         "lead: Director of Operations  # hiplan: ignore[placeholder-text]\n",
         "lead: TBC  # hiplan: ignore[placeholder-text]\n"},

    // ---- Feedback ----------------------------------------------------------------------
    Rule{QuestionUnanswered, "HP801", "question-unanswered", E, Feedback,
         "A framework question has no answer.",
         "record the group's answers, or write 'no comment' if they had none",
         "Road tests ask the same questions every time so that feedback can be compared and "
         "reported to the governance group question by question.",
         "answers:\n  useful: [Yes, very]\n",
         "answers:\n  useful: [Yes, very]\n  understand-inequalities: no comment\n  ...\n"},
    Rule{NoQuestions, "HP802", "no-questions", E, Feedback,
         "The framework named by a feedback document defines no questions.",
         "use a framework with questions (e.g. leeds-thig), or add questions to the framework",
         "A feedback document records answers to a framework's fixed questions.",
         "kind: feedback\nframework: one-gloucestershire\n",
         "kind: feedback\nframework: leeds-thig\n"},
    Rule{NoParticipants, "HP803", "no-participants", E, Feedback,
         "The number of participants is not a positive whole number.",
         "write how many people took part in the conversation",
         "The report to the governance group counts the people reached by road tests.",
         "group: {initials: LCH-CNT, participants: 0}\n",
         "group: {initials: LCH-CNT, participants: 9}\n"},

    // ---- Compile -----------------------------------------------------------------------
    Rule{DuplicateSubmission, "HP901", "duplicate-submission", E, Compile,
         "Two templates of one submitter for the same cycle were compiled together.",
         "keep one file per submitter and cycle in the submissions folder (the newest), and "
         "move the other out",
         "A round counts each submitter once. When two files claim the same submitter and "
         "cycle, hiplan cannot tell which is current, so both are excluded and named.",
         "submissions/ghc.yaml       (submitter GHC, cycle 2026-27)\n"
         "submissions/ghc-final.yaml (submitter GHC, cycle 2026-27)\n",
         "submissions/ghc-final.yaml (submitter GHC, cycle 2026-27)\n"},
};

static_assert(k_rules.size() == static_cast<std::size_t>(RuleId::Count_),
              "every RuleId needs exactly one catalogue entry");

constexpr bool catalogue_in_enum_order() {
    for (std::size_t i = 0; i < k_rules.size(); ++i) {
        if (static_cast<std::size_t>(k_rules[i].id) != i) {
            return false;
        }
    }
    return true;
}
static_assert(catalogue_in_enum_order(), "catalogue entries must follow RuleId order");

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

std::string_view to_string(RuleCategory category) {
    switch (category) {
    case RuleCategory::Input: return "input";
    case RuleCategory::Structure: return "structure";
    case RuleCategory::Framework: return "framework";
    case RuleCategory::LogicModel: return "logic-model";
    case RuleCategory::Measures: return "measures";
    case RuleCategory::Reviews: return "reviews";
    case RuleCategory::Quality: return "quality";
    case RuleCategory::Feedback: return "feedback";
    case RuleCategory::Compile: return "compile";
    }
    return "unknown";
}

const Rule& rule(RuleId id) {
    return k_rules[static_cast<std::size_t>(id)];
}

std::span<const Rule> all_rules() {
    return k_rules;
}

const Rule* find_rule(std::string_view code_or_slug) {
    for (const auto& r : k_rules) {
        if (iequals(r.code, code_or_slug) || r.slug == code_or_slug) {
            return &r;
        }
    }
    return nullptr;
}

}  // namespace hiplan
