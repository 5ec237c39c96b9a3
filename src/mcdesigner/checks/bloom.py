"""The revised Bloom taxonomy (Anderson and Krathwohl, 2001) as data.

Six cognitive levels, each with observable verbs typically used to write learning
outcomes at that level. A verb may serve several levels (``describe`` recalls or explains,
``develop`` applies or creates), so :data:`VERB_LEVELS` maps each verb to a set of levels.
Verbs are stored in British spelling; :func:`normalise_spelling` folds American ``-ize``
and ``-yze`` endings so both spellings find the same entry.
"""

from __future__ import annotations

REMEMBER, UNDERSTAND, APPLY, ANALYSE, EVALUATE, CREATE = 1, 2, 3, 4, 5, 6

#: Level number -> English name of the level.
LEVEL_NAMES: dict[int, str] = {
    REMEMBER: "remember",
    UNDERSTAND: "understand",
    APPLY: "apply",
    ANALYSE: "analyse",
    EVALUATE: "evaluate",
    CREATE: "create",
}

#: Verbs per level, separated by spaces; the first ones of each level are suggested to users.
_LEVEL_WORDS: dict[int, str] = {
    REMEMBER: (
        "identify list define name recall recognise state label outline describe cite "
        "enumerate locate match memorise quote recite record repeat reproduce retrieve "
        "tabulate tell find select relate show"
    ),
    UNDERSTAND: (
        "explain describe summarise interpret classify discuss compare contrast illustrate "
        "paraphrase associate clarify convert distinguish estimate exemplify express extend "
        "generalise indicate infer outline predict report rephrase restate translate identify "
        "demonstrate present characterise review relate represent depict articulate recognise"
    ),
    APPLY: (
        "apply use implement demonstrate solve calculate prepare execute administer adapt "
        "carry compute conduct construct develop employ handle manipulate modify operate "
        "perform practise produce schedule sketch utilise complete document measure model "
        "navigate configure install draft write communicate collaborate cooperate present "
        "deliver teach facilitate coordinate manage lead map follow locate search test "
        "interview negotiate mediate participate work act contribute engage support translate "
        "transfer deploy run maintain monitor organise plan process provide record report "
        "respond share illustrate simulate estimate determine show examine interpret ensure "
        "comply align choose select sequence annotate edit format program code debug diagnose "
        "treat prescribe advise instruct guide mentor coach moderate chair host observe "
        "collect gather interact adopt promote advocate foster embed incorporate optimise "
        "automate visualise forecast troubleshoot resolve mitigate prevent protect secure "
        "enforce regulate supervise train educate inform consult address tackle read speak "
        "listen draw calibrate assist play reason"
    ),
    ANALYSE: (
        "analyse compare differentiate examine contrast distinguish organise categorise "
        "appraise break correlate deconstruct deduce detect diagnose diagram discriminate "
        "dissect experiment explore infer inspect investigate integrate prioritise question "
        "relate research separate structure subdivide test trace model map benchmark audit "
        "attribute calculate classify characterise identify measure quantify reflect "
        "scrutinise outline link connect conceptualise"
    ),
    EVALUATE: (
        "evaluate assess justify judge critique recommend appraise argue audit conclude "
        "decide defend grade measure monitor prioritise rank rate review score select support "
        "test validate verify weigh benchmark check choose determine estimate value criticise "
        "debate interpret reflect moderate endorse certify approve advise challenge prove "
        "reconcile"
    ),
    CREATE: (
        "design develop create formulate produce construct propose plan integrate compose "
        "adapt assemble build combine compile devise document draft elaborate generate "
        "hypothesise improve invent make modify organise originate prepare rearrange "
        "reconstruct reorganise revise rewrite synthesise write author co-create co-design "
        "co-develop program programme prototype innovate lead manage coordinate establish "
        "initiate engineer redesign transform tailor customise conceive frame model predict "
        "specify structure theorise publish direct orchestrate"
    ),
}
LEVEL_VERBS: dict[int, tuple[str, ...]] = {
    level: tuple(words.split()) for level, words in _LEVEL_WORDS.items()
}


def normalise_spelling(word: str) -> str:
    """Fold American spelling of the common verb endings into British spelling."""
    if word.endswith("yze"):
        return word[:-3] + "yse"
    if word.endswith("ize") and len(word) > 5:
        return word[:-3] + "ise"
    if word.endswith("ization"):
        return word[:-7] + "isation"
    return word


def _verb_levels() -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for level, verbs in LEVEL_VERBS.items():
        for verb in verbs:
            found.setdefault(normalise_spelling(verb), set()).add(level)
    return {verb: frozenset(levels) for verb, levels in found.items()}


#: Verb (British spelling) -> the Bloom levels it can express.
VERB_LEVELS: dict[str, frozenset[int]] = _verb_levels()


def suggested_verbs(levels: tuple[int, ...], per_level: int = 2) -> tuple[str, ...]:
    """A few typical verbs for each of ``levels``, without repeats, in level order."""
    chosen: list[str] = []
    for level in levels:
        taken = 0
        for verb in LEVEL_VERBS[level]:
            if taken == per_level:
                break
            if verb not in chosen:
                chosen.append(verb)
                taken += 1
    return tuple(chosen)
