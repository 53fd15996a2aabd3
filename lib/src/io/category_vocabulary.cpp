#include "trygg/io/category_vocabulary.hpp"

#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace trygg::io {

namespace {

// The vocabulary. Words are matched whole after fold_case, so "Street_Light-Outages" finds
// "street light outages". The lists hold the names used by 311 systems (Boston's TYPE and
// REASON columns: "Graffiti Removal", "Street Light Outages"), Swedish municipal case and
// safety-walk ("trygghetsvandring") protocols, and everyday words. "mörk plats" / "dark spot"
// count as lighting because a dark place is what a lighting plan acts on.
const std::vector<VocabularyEntry>& vocabulary_table() {
    static const std::vector<VocabularyEntry> table = {
        {"graffiti", "Klotter", "Graffiti",
         {"klotter", "klottring", "klotterborttagning", "klottersanering", "sanering av klotter", "tagg",
          "taggar", "taggning", "graffiti", "klotter på fasad", "klotter på skylt"},
         {"graffiti", "graffiti removal", "graffiti report", "tag", "tags", "tagging", "spray paint",
          "spray painting", "graffito"}},
        {"lighting", "Belysning", "Lighting",
         {"belysning", "trasig belysning", "trasig lampa", "trasiga lampor", "släckt lampa", "släckta lampor",
          "släckt belysning", "gatubelysning", "trasig gatubelysning", "gatlykta", "trasig gatlykta", "gatlampa", "trasig gatlampa",
          "gatlampa trasig", "lampa trasig", "belysning trasig",
          "belysningsfel", "fel på belysning", "lampa ur funktion", "dålig belysning", "bristande belysning",
          "mörk plats", "mörkt"},
         {"lighting", "street light outage", "street light outages", "streetlight outage",
          "streetlight outages", "street lights", "street light out", "street lighting", "broken light",
          "broken lights", "broken street light", "broken streetlight", "light out", "lights out", "lamp out",
          "broken lamp", "poor lighting", "dark spot", "dark area"}},
        {"unsafe", "Otrygg plats", "Unsafe spot",
         {"otrygg plats", "otrygga platser", "otrygghet", "otryggt", "otrygg", "upplevd otrygghet",
          "känns otryggt", "otrygg miljö", "otrygg passage"},
         {"unsafe", "unsafe spot", "unsafe place", "unsafe area", "feels unsafe", "feeling unsafe", "insecurity",
          "fear of crime", "perceived unsafety"}},
        {"vandalism", "Skadegörelse", "Vandalism",
         {"skadegörelse", "vandalism", "förstörelse", "åverkan", "krossad ruta", "krossade rutor",
          "krossat fönster", "krossat glas", "trasig ruta", "sönderslagen", "sönderslaget"},
         {"vandalism", "vandalised", "vandalized", "damage", "property damage", "criminal damage",
          "broken window", "broken windows", "smashed window", "broken glass"}},
    };
    return table;
}

// folded synonym -> canonical name. Built once, thread-safe by the rules of static locals.
const std::unordered_map<std::string, std::string_view>& synonym_index() {
    static const std::unordered_map<std::string, std::string_view> index = [] {
        std::unordered_map<std::string, std::string_view> out;
        for (const auto& entry : vocabulary_table()) {
            out.emplace(fold_case(entry.canonical), entry.canonical);
            for (const auto& word : entry.swedish) out.emplace(fold_case(word), entry.canonical);
            for (const auto& word : entry.english) out.emplace(fold_case(word), entry.canonical);
        }
        return out;
    }();
    return index;
}

bool is_space_byte(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == '_' || c == '-';
}

// UTF-8 lead byte of U+00C0..U+00FF and the combining marks (U+0300..U+033F) used below.
constexpr unsigned char kLatin1Lead = 0xC3;
constexpr unsigned char kCombiningLead = 0xCC;
constexpr unsigned char kNbspLead = 0xC2;
constexpr unsigned char kNbspTrail = 0xA0;

// The precomposed letter for base + combining mark, as the trail byte after 0xC3, or 0.
unsigned char compose(unsigned char base, unsigned char mark_trail) {
    switch (mark_trail) {
        case 0x8A:  // U+030A ring above: å
            if (base == 'a') return 0xA5;
            break;
        case 0x88:  // U+0308 diaeresis: ä ö ü
            if (base == 'a') return 0xA4;
            if (base == 'o') return 0xB6;
            if (base == 'u') return 0xBC;
            break;
        case 0x81:  // U+0301 acute: é
            if (base == 'e') return 0xA9;
            break;
        default: break;
    }
    return 0;
}

}  // namespace

const std::vector<VocabularyEntry>& category_vocabulary() { return vocabulary_table(); }

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    auto emit = [&out, &pending_space](auto... bytes) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        (out.push_back(static_cast<char>(bytes)), ...);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (is_space_byte(c)) {
            pending_space = true;
        } else if (c == kNbspLead && next == kNbspTrail) {
            pending_space = true;
            ++i;
        } else if (c >= 'A' && c <= 'Z') {
            emit(c + ('a' - 'A'));
        } else if (c == kLatin1Lead && next >= 0x80 && next <= 0x9E && next != 0x97) {
            // U+00C0..U+00DE (except U+00D7 multiplication sign): lower case is 0x20 higher.
            emit(kLatin1Lead, next + 0x20);
            ++i;
        } else if (c == kCombiningLead && !pending_space && !out.empty() &&
                   compose(static_cast<unsigned char>(out.back()), next) != 0) {
            const unsigned char composed = compose(static_cast<unsigned char>(out.back()), next);
            out.back() = static_cast<char>(kLatin1Lead);
            out.push_back(static_cast<char>(composed));
            ++i;
        } else {
            emit(c);
        }
    }
    return out;
}

namespace {

// "skadegörelse" typed as "skadegorelse": Swedish is often written without å, ä and ö on
// foreign keyboards and in old systems, so folded text is also matched with those letters
// (and é, ü) replaced by their base letter.
std::string without_diacritics(const std::string& folded) {
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const auto c = static_cast<unsigned char>(folded[i]);
        const unsigned char next = i + 1 < folded.size() ? static_cast<unsigned char>(folded[i + 1]) : 0;
        if (c == kLatin1Lead) {
            char base = 0;
            switch (next) {
                case 0xA0: case 0xA1: case 0xA2: case 0xA3: case 0xA4: case 0xA5: base = 'a'; break;
                case 0xA8: case 0xA9: case 0xAA: case 0xAB: base = 'e'; break;
                case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB8: base = 'o'; break;
                case 0xB9: case 0xBA: case 0xBB: case 0xBC: base = 'u'; break;
                default: break;
            }
            if (base) {
                out.push_back(base);
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

// Synonyms without diacritics; a form shared by two categories is left out (it decides nothing).
const std::map<std::string, std::string_view>& plain_synonym_index() {
    static const std::map<std::string, std::string_view> index = [] {
        std::map<std::string, std::string_view> out;
        std::set<std::string> ambiguous;
        for (const auto& [key, canonical] : synonym_index()) {
            const std::string plain = without_diacritics(key);
            auto [it, inserted] = out.emplace(plain, canonical);
            if (!inserted && it->second != canonical) ambiguous.insert(plain);
        }
        for (const auto& key : ambiguous) out.erase(key);
        return out;
    }();
    return index;
}

}  // namespace

std::string normalise_category(std::string_view raw) {
    const std::string key = fold_case(raw);
    const auto& index = synonym_index();
    if (const auto found = index.find(key); found != index.end()) return std::string(found->second);
    const auto& plain = plain_synonym_index();
    if (const auto found = plain.find(without_diacritics(key)); found != plain.end())
        return std::string(found->second);
    // Unknown: keep the source's spelling, only without surrounding whitespace.
    constexpr std::string_view whitespace = " \t\r\n\v\f";
    const auto first = raw.find_first_not_of(whitespace);
    if (first == std::string_view::npos) return {};
    return std::string(raw.substr(first, raw.find_last_not_of(whitespace) - first + 1));
}

bool is_canonical_category(std::string_view category) {
    for (const auto& entry : vocabulary_table())
        if (entry.canonical == category) return true;
    return false;
}

std::string_view category_label(std::string_view canonical, std::string_view lang) {
    const bool swedish = lang.size() >= 2 && (lang[0] == 's' || lang[0] == 'S') && (lang[1] == 'v' || lang[1] == 'V') &&
                         (lang.size() == 2 || lang[2] == '-' || lang[2] == '_');
    for (const auto& entry : vocabulary_table())
        if (entry.canonical == canonical) return swedish ? entry.label_sv : entry.label_en;
    return canonical;
}

}  // namespace trygg::io
