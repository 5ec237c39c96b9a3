"""The revised Bloom taxonomy in Spanish: observable verbs per level, as data.

The lists follow the verbs Spanish quality agencies give for writing learning outcomes
(ANECA, *Guía de apoyo para la redacción, puesta en práctica y evaluación de los
resultados del aprendizaje*, after Anderson and Krathwohl, 2001). Verbs are infinitives
written with their accents; the first two of each level are the ones suggested to users.
A verb may serve several levels (``describir`` recalls or explains, ``desarrollar``
applies or creates).

Outcomes are read in the infinitive and in the usual forms of an outcome: "analiza",
"analizan", "analizará", "analizarán", "analizando", "analizarlos". :data:`FORMS` maps
each such form, folded to lower case without accents, to its infinitive; the regular
endings are derived from the infinitive and :data:`_IRREGULAR` adds the forms of stem
changing and irregular verbs.

The vague verbs and phrases of Spanish outcomes ("conocer", "comprender", "familiarizarse
con", "ser consciente de", "tomar conciencia de", "adquirir conocimientos de") are listed
here too, each with the Bloom level the writer most likely meant, as
:mod:`mcdesigner.checks.vague` does for English.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from mcdesigner.checks.bloom import ANALYSE, APPLY, CREATE, EVALUATE, REMEMBER, UNDERSTAND

_LEVEL_WORDS: dict[int, str] = {
    REMEMBER: (
        "identificar enumerar definir nombrar citar reconocer recordar listar señalar "
        "describir localizar relacionar reproducir indicar memorizar seleccionar mencionar "
        "registrar repetir etiquetar ordenar encontrar mostrar recuperar tabular"
    ),
    UNDERSTAND: (
        "explicar describir resumir interpretar clasificar discutir comparar contrastar "
        "ilustrar parafrasear asociar aclarar convertir distinguir estimar ejemplificar "
        "expresar generalizar indicar inferir predecir informar reformular traducir "
        "identificar demostrar presentar caracterizar revisar relacionar representar exponer "
        "articular reconocer situar"
    ),
    APPLY: (
        "aplicar utilizar usar implementar resolver calcular preparar ejecutar administrar "
        "adaptar construir desarrollar emplear manejar manipular modificar operar realizar "
        "practicar producir completar documentar medir configurar instalar redactar escribir "
        "comunicar colaborar cooperar presentar impartir enseñar facilitar coordinar gestionar "
        "dirigir liderar seguir buscar entrevistar negociar mediar participar trabajar actuar "
        "contribuir apoyar transferir desplegar mantener supervisar monitorizar organizar "
        "planificar procesar proporcionar responder compartir simular determinar mostrar "
        "examinar interpretar asegurar garantizar cumplir seleccionar elegir editar programar "
        "codificar depurar diagnosticar tratar asesorar orientar guiar tutorizar moderar "
        "observar recopilar recoger interactuar adoptar promover fomentar incorporar optimizar "
        "automatizar visualizar prever solucionar mitigar prevenir proteger regular formar "
        "consultar abordar leer hablar escuchar dibujar calibrar asistir intervenir "
        "experimentar elaborar dramatizar emprender atender emitir tomar respetar razonar "
        "asumir aportar desenvolver"
    ),
    ANALYSE: (
        "analizar comparar diferenciar examinar contrastar distinguir organizar categorizar "
        "desglosar descomponer correlacionar deducir detectar diagnosticar discriminar "
        "diseccionar experimentar explorar inferir inspeccionar investigar indagar integrar "
        "priorizar cuestionar relacionar separar estructurar subdividir esquematizar auditar "
        "atribuir calcular clasificar caracterizar identificar medir cuantificar reflexionar "
        "vincular conectar conceptualizar delimitar contextualizar"
    ),
    EVALUATE: (
        "evaluar valorar justificar juzgar criticar recomendar argumentar concluir decidir "
        "defender calificar priorizar jerarquizar puntuar seleccionar apoyar comprobar validar "
        "verificar sopesar ponderar elegir determinar estimar debatir interpretar reflexionar "
        "moderar certificar aprobar asesorar cuestionar probar contrastar dictaminar revisar "
        "supervisar monitorizar auditar medir fundamentar discernir emitir tomar razonar"
    ),
    CREATE: (
        "diseñar desarrollar crear formular producir construir proponer planificar integrar "
        "componer adaptar ensamblar combinar compilar idear documentar redactar elaborar "
        "generar plantear mejorar inventar modificar organizar originar preparar reorganizar "
        "reconstruir revisar reescribir sintetizar escribir programar prototipar innovar "
        "liderar gestionar coordinar establecer iniciar rediseñar transformar personalizar "
        "concebir especificar estructurar teorizar publicar dirigir orquestar emprender "
        "planear cocrear codiseñar"
    ),
}

#: Level number -> infinitives, in the order they are suggested.
LEVEL_VERBS: dict[int, tuple[str, ...]] = {
    level: tuple(words.split()) for level, words in _LEVEL_WORDS.items()
}

#: Forms that the regular endings do not give, per infinitive (folded, without accents).
_IRREGULAR: dict[str, str] = {
    "resolver": "resuelve resuelven",
    "demostrar": "demuestra demuestran",
    "mostrar": "muestra muestran",
    "probar": "prueba prueban",
    "comprobar": "comprueba comprueban",
    "aprobar": "aprueba aprueban",
    "recordar": "recuerda recuerdan",
    "encontrar": "encuentra encuentran",
    "defender": "defiende defienden",
    "entender": "entiende entienden",
    "elegir": "elige eligen eligiendo",
    "medir": "mide miden midiendo",
    "seguir": "sigue siguen siguiendo",
    "concebir": "concibe conciben concibiendo",
    "repetir": "repite repiten repitiendo",
    "adquirir": "adquiere adquieren",
    "desplegar": "despliega despliegan",
    "proponer": "propondra propondran",
    "componer": "compondra compondran",
    "tener": "tiene tienen tendra tendran",
    "saber": "sabra sabran",
    "hacer": "hara haran",
    "predecir": "predice predicen prediciendo predira prediran",
    "leer": "leyendo",
    "prever": "preve preven previendo",
    "poseer": "poseyendo",
    "atender": "atiende atienden",
    "discernir": "discierne disciernen",
    "advertir": "advierte advierten advirtiendo",
    "mantener": "mantiene mantienen mantendra mantendran",
    "obtener": "obtiene obtienen obtendra obtendran",
    "promover": "promueve promueven",
    "convertir": "convierte convierten convirtiendo",
    "inferir": "infiere infieren infiriendo",
    "transferir": "transfiere transfieren transfiriendo",
    "sugerir": "sugiere sugieren sugiriendo",
    "intervenir": "interviene intervienen intervendra intervendran interviniendo",
    "prevenir": "previene previenen prevendra prevendran previniendo",
    "corregir": "corrige corrigen corrigiendo",
    "exponer": "expondra expondran",
    "reforzar": "refuerza refuerzan",
    "poder": "puede pueden podra podran pudiendo",
    "querer": "quiere quieren querra querran",
    "sentir": "siente sienten sintiendo",
    "volver": "vuelve vuelven",
    "servir": "sirve sirven sirviendo",
    "competir": "compite compiten compitiendo",
    "decir": "dice dicen dira diran diciendo",
    "percibir": "percibe perciben",
    "conseguir": "consigue consiguen consiguiendo",
    "desenvolver": "desenvuelve desenvuelven",
}

#: Verbs whose forms are listed in full (the regular endings would give wrong words:
#: "se" is no form of "ser", "esta" is read as a demonstrative).
_EXPLICIT: dict[str, str] = {
    "ser": "ser es son sera seran siendo",
    "estar": "estar estan estara estaran estando",
}

#: Pronouns that may be attached to an infinitive or gerund ("aplicarlos", "aplicándolas",
#: "familiarizarse"), longest first.
ENCLITICS: tuple[str, ...] = (
    "selos", "selas", "sela", "selo", "los", "las", "les", "nos", "lo", "la", "le", "se",
)  # fmt: skip
#: Endings an infinitive or gerund has once its pronouns are taken off.
_NONFINITE_ENDINGS = ("ar", "er", "ir", "ando", "iendo", "yendo")


def fold(word: str) -> str:
    """``word`` in lower case without accents ("Analizará" -> "analizara")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def regular_forms(infinitive: str) -> tuple[str, ...]:
    """The infinitive and its usual forms in an outcome, folded (see the module docstring)."""
    base = fold(infinitive)
    if base in _EXPLICIT:
        return tuple(_EXPLICIT[base].split())
    stem, ending = base[:-2], base[-2:]
    forms = [base, base + "a", base + "an"]  # infinitive, future (analizará, analizarán)
    if ending == "ar":
        forms += [stem + "a", stem + "an", stem + "ando"]
    elif stem.endswith("u") and not stem.endswith(("gu", "qu")) and ending == "ir":
        forms += [stem + "ye", stem + "yen", stem + "yendo"]  # construir: construye
    else:
        forms += [stem + "e", stem + "en", stem + "iendo"]
    forms += _IRREGULAR.get(base, "").split()
    return tuple(forms)


def form_table(infinitives: Iterable[str]) -> dict[str, str]:
    """Folded form -> infinitive for every form of ``infinitives`` (the first verb wins)."""
    table: dict[str, str] = {}
    for infinitive in infinitives:
        for form in regular_forms(infinitive):
            table.setdefault(form, infinitive)
    return table


def lemma(word: str, table: Mapping[str, str]) -> str | None:
    """The infinitive of ``word`` in ``table`` (see :func:`form_table`), or ``None``.

    Accents and case do not matter, and pronouns attached to an infinitive or gerund are
    taken off: "Analizarlos", "aplicándolas" and "familiarizarse" find their verbs.
    """
    folded = fold(word)
    found = table.get(folded)
    if found is not None:
        return found
    for clitic in ENCLITICS:
        rest = folded[: -len(clitic)]
        if folded.endswith(clitic) and rest.endswith(_NONFINITE_ENDINGS) and rest in table:
            return table[rest]
    return None


def _verb_levels() -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for level, verbs in LEVEL_VERBS.items():
        for verb in verbs:
            found.setdefault(verb, set()).add(level)
    return {verb: frozenset(levels) for verb, levels in found.items()}


#: Infinitive -> the Bloom levels it can express.
VERB_LEVELS: dict[str, frozenset[int]] = _verb_levels()
#: Folded form of an observable verb -> its infinitive.
FORMS: dict[str, str] = form_table(list(VERB_LEVELS))


# ---------------------------------------------------------------------------
# Vague wording
# ---------------------------------------------------------------------------
#: Vague verbs (infinitive) -> the Bloom level they usually stand for.
VAGUE_VERBS: dict[str, int] = {
    "conocer": REMEMBER,
    "saber": REMEMBER,
    "comprender": UNDERSTAND,
    "entender": UNDERSTAND,
    "aprender": UNDERSTAND,
    "familiarizar": UNDERSTAND,
    "asimilar": UNDERSTAND,
    "interiorizar": UNDERSTAND,
    "captar": UNDERSTAND,
    "percibir": UNDERSTAND,
    "concienciar": REMEMBER,
    "sensibilizar": UNDERSTAND,
    "apreciar": EVALUATE,
    "estudiar": ANALYSE,
    "dominar": APPLY,
    "ser": UNDERSTAND,
    "estar": UNDERSTAND,
    "tener": UNDERSTAND,
    "poseer": UNDERSTAND,
}

#: Nouns that make an outcome vague when it opens with them ("Conocimiento de ...") or
#: when a verb merely introduces them ("adquirir conocimientos de", "tomar conciencia de").
VAGUE_NOUNS: dict[str, int] = {
    "conocimiento": REMEMBER,
    "conocimientos": REMEMBER,
    "nocion": REMEMBER,
    "nociones": REMEMBER,
    "conciencia": REMEMBER,
    "consciencia": REMEMBER,
    "comprension": UNDERSTAND,
    "entendimiento": UNDERSTAND,
    "familiaridad": UNDERSTAND,
    "vision": UNDERSTAND,
    "sensibilidad": UNDERSTAND,
    "aprecio": EVALUATE,
}

#: Verbs that only introduce a vague noun (infinitives).
_INTRODUCER_WORDS = (
    "adquirir tener poseer demostrar mostrar desarrollar obtener alcanzar ampliar profundizar "
    "tomar ganar construir consolidar reforzar fortalecer lograr conseguir"
)
NOUN_INTRODUCERS: frozenset[str] = frozenset(_INTRODUCER_WORDS.split())

#: After "ser", "estar", "mostrarse" or "sentirse": adjectives that describe a state of mind.
VAGUE_STATES: dict[str, int] = {
    word: level
    for words, level in (
        ("consciente conscientes", REMEMBER),
        ("familiarizado familiarizada familiarizados familiarizadas", UNDERSTAND),
        ("conocedor conocedora conocedores conocedoras", REMEMBER),
        ("sensibilizado sensibilizada sensibilizados sensibilizadas", UNDERSTAND),
        ("sensible sensibles", UNDERSTAND),
        ("informado informada informados informadas", REMEMBER),
        ("concienciado concienciada concienciados concienciadas", REMEMBER),
    )
    for word in words.split()
}

#: Verbs that take one of :data:`VAGUE_STATES` (infinitives).
COPULAS: frozenset[str] = frozenset({"ser", "estar", "mostrar", "sentir", "volver"})
#: Verbs that only frame the verb after them: "podrá analizar", "sabrá aplicar".
MODALS: frozenset[str] = frozenset({"poder", "saber", "deber", "querer"})
#: Words that join a vague verb, state or noun to what it is about ("consciente de").
PREPOSITIONS: frozenset[str] = frozenset({"de", "con", "sobre", "en", "acerca"})

#: Folded form -> infinitive of the vague verbs, and of the introducing and framing verbs.
VAGUE_FORMS: dict[str, str] = form_table(VAGUE_VERBS)
HELPER_FORMS: dict[str, str] = form_table([*sorted(NOUN_INTRODUCERS), *COPULAS, *MODALS])
