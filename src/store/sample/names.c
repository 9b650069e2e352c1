/* names.c — customer names in several scripts, and unique e-mail addresses.
 *
 * The sample must exercise what a terminal UI gets wrong: Finnish ä/ö and
 * other Latin diacritics, Cyrillic, Greek, and double-width CJK and Hangul.
 * Every name part carries an ASCII spelling for the e-mail address.
 * Surnames in Russian and Greek change with gender, so a family name has a
 * masculine and a feminine form.  Addresses use reserved example domains,
 * so no real mailbox is ever named.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"

struct given {
	const char *name, *ascii;
	int female;
};

struct family {
	const char *m, *ascii_m, *f, *ascii_f; /* f NULL: same for both */
};

struct script {
	const struct given *given;
	int ngiven;
	const struct family *family;
	int nfamily;
	int family_first; /* CJK order, no space: 王芳 */
	const char *domain;
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct given en_given[] = {
	{"James", "james", 0},     {"Mary", "mary", 1},         {"John", "john", 0},
	{"Patricia", "patricia", 1}, {"Robert", "robert", 0}, {"Jennifer", "jennifer", 1},
	{"Michael", "michael", 0}, {"Linda", "linda", 1},       {"David", "david", 0},
	{"Elizabeth", "elizabeth", 1}, {"William", "william", 0}, {"Susan", "susan", 1},
	{"Richard", "richard", 0}, {"Jessica", "jessica", 1},   {"Joseph", "joseph", 0},
	{"Sarah", "sarah", 1},     {"Thomas", "thomas", 0},     {"Karen", "karen", 1},
	{"Daniel", "daniel", 0},   {"Emily", "emily", 1},       {"Matthew", "matthew", 0},
	{"Olivia", "olivia", 1},   {"Noah", "noah", 0},         {"Sophia", "sophia", 1},
	{"Liam", "liam", 0},       {"Chloe", "chloe", 1},       {"Ethan", "ethan", 0},
	{"Grace", "grace", 1},     {"Ryan", "ryan", 0},         {"Hannah", "hannah", 1},
	{"Kevin", "kevin", 0},     {"Zoe", "zoe", 1},           {"Brian", "brian", 0},
	{"Megan", "megan", 1},     {"Tyler", "tyler", 0},       {"Ashley", "ashley", 1},
	{"Aaliyah", "aaliyah", 1}, {"DeShawn", "deshawn", 0},   {"Mary-Kate", "marykate", 1},
};
static const struct family en_family[] = {
	{"Smith", "smith", 0, 0},       {"Johnson", "johnson", 0, 0},   {"Williams", "williams", 0, 0},
	{"Brown", "brown", 0, 0},       {"Jones", "jones", 0, 0},       {"Miller", "miller", 0, 0},
	{"Davis", "davis", 0, 0},       {"Wilson", "wilson", 0, 0},     {"Anderson", "anderson", 0, 0},
	{"Taylor", "taylor", 0, 0},     {"Moore", "moore", 0, 0},       {"Jackson", "jackson", 0, 0},
	{"Thompson", "thompson", 0, 0}, {"White", "white", 0, 0},       {"Harris", "harris", 0, 0},
	{"Clark", "clark", 0, 0},       {"Lewis", "lewis", 0, 0},       {"Robinson", "robinson", 0, 0},
	{"Walker", "walker", 0, 0},     {"Young", "young", 0, 0},       {"King", "king", 0, 0},
	{"Wright", "wright", 0, 0},     {"Scott", "scott", 0, 0},       {"Green", "green", 0, 0},
	{"Baker", "baker", 0, 0},       {"Adams", "adams", 0, 0},       {"Nelson", "nelson", 0, 0},
	{"Campbell", "campbell", 0, 0}, {"Mitchell", "mitchell", 0, 0}, {"Carter", "carter", 0, 0},
	{"O'Connor", "oconnor", 0, 0},  {"McAllister", "mcallister", 0, 0},
	{"Smith-Jones", "smithjones", 0, 0}, {"Van der Berg", "vanderberg", 0, 0},
};

/* Spanish, Portuguese, German, Nordic: Latin with diacritics. */
static const struct given eu_given[] = {
	{"José", "jose", 0},     {"María", "maria", 1},       {"Lucía", "lucia", 1},
	{"Javier", "javier", 0}, {"Sofía", "sofia", 1},       {"Diego", "diego", 0},
	{"João", "joao", 0},     {"Inês", "ines", 1},         {"Jürgen", "jurgen", 0},
	{"Björn", "bjorn", 0},   {"Åsa", "asa", 1},           {"Søren", "soren", 0},
	{"Zoë", "zoe", 1},       {"François", "francois", 0}, {"Chloé", "chloe", 1},
	{"Łukasz", "lukasz", 0}, {"Małgorzata", "malgorzata", 1}, {"Ștefan", "stefan", 0},
};
static const struct family eu_family[] = {
	{"García", "garcia", 0, 0},   {"Martínez", "martinez", 0, 0}, {"López", "lopez", 0, 0},
	{"Hernández", "hernandez", 0, 0}, {"Pérez", "perez", 0, 0},   {"Núñez", "nunez", 0, 0},
	{"Gonçalves", "goncalves", 0, 0}, {"Müller", "muller", 0, 0}, {"Schröder", "schroder", 0, 0},
	{"Weiß", "weiss", 0, 0},      {"Nilsson", "nilsson", 0, 0},   {"Øberg", "oberg", 0, 0},
	{"Lefèvre", "lefevre", 0, 0}, {"Dubois", "dubois", 0, 0},     {"Kowalski", "kowalski", 0, 0},
	{"Wiśniewska", "wisniewska", 0, 0}, {"Popescu", "popescu", 0, 0},
};

static const struct given fi_given[] = {
	{"Aino", "aino", 1},   {"Eero", "eero", 0},   {"Väinö", "vaino", 0}, {"Sanna", "sanna", 1},
	{"Jukka", "jukka", 0}, {"Päivi", "paivi", 1}, {"Mikko", "mikko", 0}, {"Satu", "satu", 1},
	{"Ilkka", "ilkka", 0}, {"Tiina", "tiina", 1}, {"Ville", "ville", 0}, {"Helmi", "helmi", 1},
	{"Jyrki", "jyrki", 0}, {"Kaisa", "kaisa", 1}, {"Otso", "otso", 0},   {"Elina", "elina", 1},
	{"Anna-Liisa", "annaliisa", 1}, {"Pertti", "pertti", 0},
};
static const struct family fi_family[] = {
	{"Mäkinen", "makinen", 0, 0},   {"Häkkinen", "hakkinen", 0, 0},   {"Korhonen", "korhonen", 0, 0},
	{"Virtanen", "virtanen", 0, 0}, {"Nieminen", "nieminen", 0, 0},   {"Mäkelä", "makela", 0, 0},
	{"Hämäläinen", "hamalainen", 0, 0}, {"Järvinen", "jarvinen", 0, 0}, {"Lehtonen", "lehtonen", 0, 0},
	{"Heikkinen", "heikkinen", 0, 0}, {"Koskinen", "koskinen", 0, 0}, {"Räsänen", "rasanen", 0, 0},
	{"Kärkkäinen", "karkkainen", 0, 0}, {"Pöllänen", "pollanen", 0, 0}, {"Ylönen", "ylonen", 0, 0},
	{"Söderholm", "soderholm", 0, 0},
};

static const struct given ru_given[] = {
	{"Александр", "aleksandr", 0}, {"Сергей", "sergey", 0},  {"Андрей", "andrey", 0},
	{"Алексей", "aleksey", 0},     {"Николай", "nikolay", 0}, {"Михаил", "mikhail", 0},
	{"Анна", "anna", 1},           {"Елена", "elena", 1},     {"Мария", "mariya", 1},
	{"Наталья", "natalya", 1},     {"Татьяна", "tatyana", 1}, {"Ирина", "irina", 1},
	{"Ксения", "kseniya", 1},      {"Юлия", "yuliya", 1},     {"Фёдор", "fedor", 0},
	{"Олег", "oleg", 0},
};
static const struct family ru_family[] = {
	{"Иванов", "ivanov", "Иванова", "ivanova"},     {"Кузнецов", "kuznetsov", "Кузнецова", "kuznetsova"},
	{"Соколов", "sokolov", "Соколова", "sokolova"}, {"Попов", "popov", "Попова", "popova"},
	{"Лебедев", "lebedev", "Лебедева", "lebedeva"}, {"Козлов", "kozlov", "Козлова", "kozlova"},
	{"Новиков", "novikov", "Новикова", "novikova"}, {"Морозов", "morozov", "Морозова", "morozova"},
	{"Павлов", "pavlov", "Павлова", "pavlova"},     {"Фёдоров", "fedorov", "Фёдорова", "fedorova"},
	{"Орлов", "orlov", "Орлова", "orlova"},         {"Зайцев", "zaytsev", "Зайцева", "zaytseva"},
	{"Шевченко", "shevchenko", 0, 0},               {"Бондаренко", "bondarenko", 0, 0},
	{"Соловьёв", "solovyov", "Соловьёва", "solovyova"},
};

static const struct given el_given[] = {
	{"Γιώργος", "giorgos", 0}, {"Μαρία", "maria", 1},   {"Νίκος", "nikos", 0},
	{"Ελένη", "eleni", 1},     {"Δημήτρης", "dimitris", 0}, {"Κατερίνα", "katerina", 1},
};
static const struct family el_family[] = {
	{"Παπαδόπουλος", "papadopoulos", "Παπαδοπούλου", "papadopoulou"},
	{"Οικονόμου", "oikonomou", 0, 0},
	{"Γεωργίου", "georgiou", 0, 0},
	{"Νικολάου", "nikolaou", 0, 0},
};

/* Chinese: family name first, no space. */
static const struct given zh_given[] = {
	{"伟", "wei", 0},   {"芳", "fang", 1},  {"娜", "na", 1},   {"敏", "min", 1},
	{"静", "jing", 1},  {"强", "qiang", 0}, {"磊", "lei", 0},  {"洋", "yang", 0},
	{"艳", "yan", 1},   {"勇", "yong", 0},  {"杰", "jie", 0},  {"秀英", "xiuying", 1},
	{"建华", "jianhua", 0}, {"子涵", "zihan", 1},
};
static const struct family zh_family[] = {
	{"王", "wang", 0, 0},  {"李", "li", 0, 0},    {"张", "zhang", 0, 0}, {"刘", "liu", 0, 0},
	{"陈", "chen", 0, 0},  {"杨", "yang", 0, 0},  {"黄", "huang", 0, 0}, {"赵", "zhao", 0, 0},
	{"欧阳", "ouyang", 0, 0},
};

static const struct given ja_given[] = {
	{"健", "ken", 0},    {"翔太", "shota", 0}, {"陽菜", "hina", 1},     {"結衣", "yui", 1},
	{"大輔", "daisuke", 0}, {"美咲", "misaki", 1}, {"蓮", "ren", 0}, {"葵", "aoi", 1},
	{"さくら", "sakura", 1},
};
static const struct family ja_family[] = {
	{"佐藤", "sato", 0, 0},     {"鈴木", "suzuki", 0, 0},   {"高橋", "takahashi", 0, 0},
	{"田中", "tanaka", 0, 0},   {"渡辺", "watanabe", 0, 0}, {"伊藤", "ito", 0, 0},
	{"山本", "yamamoto", 0, 0}, {"中村", "nakamura", 0, 0},
};

static const struct given ko_given[] = {
	{"민준", "minjun", 0}, {"서연", "seoyeon", 1}, {"지우", "jiwoo", 1}, {"하은", "haeun", 1},
	{"도윤", "doyun", 0},
};
static const struct family ko_family[] = {
	{"김", "kim", 0, 0}, {"이", "lee", 0, 0}, {"박", "park", 0, 0}, {"최", "choi", 0, 0},
};

static const struct script scripts[] = {
	{en_given, N(en_given), en_family, N(en_family), 0, "example.com"},
	{eu_given, N(eu_given), eu_family, N(eu_family), 0, "example.net"},
	{fi_given, N(fi_given), fi_family, N(fi_family), 0, "posti.example"},
	{ru_given, N(ru_given), ru_family, N(ru_family), 0, "pochta.example"},
	{el_given, N(el_given), el_family, N(el_family), 0, "example.org"},
	{zh_given, N(zh_given), zh_family, N(zh_family), 1, "mail.example"},
	{ja_given, N(ja_given), ja_family, N(ja_family), 1, "mail.example"},
	{ko_given, N(ko_given), ko_family, N(ko_family), 1, "inbox.example"},
};
/* Roughly a US company with an international customer base. */
static const int script_weight[] = {56, 12, 10, 10, 2, 5, 3, 2};

/* ---- the set of addresses already used: 64-bit FNV-1a hashes ---------- */
#define SET_SLOTS 65536 /* power of two, well above the customer count */

struct email_set {
	uint64_t *slot; /* 0 = empty */
};

email_set *email_set_new(void)
{
	email_set *e = xcalloc(1, sizeof *e);
	e->slot = xcalloc(SET_SLOTS, sizeof *e->slot);
	return e;
}

void email_set_free(email_set *e)
{
	if (e) {
		free(e->slot);
		free(e);
	}
}

static uint64_t fnv(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h ? h : 1;
}

/* Adds s; false if it was already there. */
static int set_add(email_set *e, const char *s)
{
	uint64_t h = fnv(s);
	size_t i = (size_t)(h & (SET_SLOTS - 1)), n = 0;
	while (e->slot[i]) {
		if (e->slot[i] == h)
			return 0;
		i = (i + 1) & (SET_SLOTS - 1);
		if (++n == SET_SLOTS)
			die("too many e-mail addresses");
	}
	e->slot[i] = h;
	return 1;
}

void make_person(rng *r, email_set *e, char *name, size_t namelen, char *email, size_t emaillen)
{
	const struct script *sc = &scripts[rng_pick(r, script_weight, N(script_weight))];
	const struct given *g = &sc->given[rng_below(r, sc->ngiven)];
	const struct family *f = &sc->family[rng_below(r, sc->nfamily)];
	const char *fam = g->female && f->f ? f->f : f->m;
	const char *fam_ascii = g->female && f->f ? f->ascii_f : f->ascii_m;

	if (sc->family_first)
		snprintf(name, namelen, "%s%s", fam, g->name);
	else
		snprintf(name, namelen, "%s %s", g->name, fam);

	char local[96];
	switch (rng_below(r, 5)) {
	case 0:
		snprintf(local, sizeof local, "%s.%s", g->ascii, fam_ascii);
		break;
	case 1:
		snprintf(local, sizeof local, "%c%s", g->ascii[0], fam_ascii);
		break;
	case 2:
		snprintf(local, sizeof local, "%s_%s", g->ascii, fam_ascii);
		break;
	case 3:
		snprintf(local, sizeof local, "%s.%s%02d", g->ascii, fam_ascii, (int)rng_range(r, 60, 99));
		break;
	default:
		snprintf(local, sizeof local, "%s.%s", fam_ascii, g->ascii);
		break;
	}
	snprintf(email, emaillen, "%s@%s", local, sc->domain);
	/* A taken address gets a number, as mail providers suggest. */
	for (int n = 2; !set_add(e, email); n++)
		snprintf(email, emaillen, "%s%d@%s", local, n, sc->domain);
}
