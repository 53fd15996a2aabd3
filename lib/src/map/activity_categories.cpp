#include "trygg/map/activity_categories.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "trygg/io/category_vocabulary.hpp"

namespace trygg::map {

namespace {

// The sample town's categories, `uncategorised` (trygg nearby's name for an activity without
// one) and the OpenStreetMap amenity, leisure, shop and tourism values that activities in a
// town centre carry most (counted on the Helsinki extract). Swedish words as used by
// Lantmäteriet, Trafikverket and Swedish municipalities' maps.
constexpr std::array<ActivityCategoryText, 108> table{{
    {"animal boarding", "animal boarding", "djurpensionat"},
    {"arts centre", "arts centre", "kulturhus"},
    {"artwork", "artwork", "konstverk"},
    {"ashtray", "ashtray", "askkopp"},
    {"atm", "cash machine", "bankomat"},
    {"attraction", "attraction", "sevärdhet"},
    {"bakery", "bakery", "bageri"},
    {"bank", "bank", "bank"},
    {"bar", "bar", "bar"},
    {"bbq", "barbecue site", "grillplats"},
    {"bench", "bench", "bänk"},
    {"bicycle parking", "bicycle parking", "cykelparkering"},
    {"bicycle rental", "bicycle rental", "cykeluthyrning"},
    {"biergarten", "beer garden", "ölträdgård"},
    {"bureau de change", "currency exchange", "växlingskontor"},
    {"bus station", "bus station", "busstation"},
    {"cafe", "café", "kafé"},
    {"car rental", "car rental", "biluthyrning"},
    {"car sharing", "car sharing", "bilpool"},
    {"casino", "casino", "kasino"},
    {"charging station", "charging station", "laddstation"},
    {"childcare", "childcare", "barnomsorg"},
    {"church", "church", "kyrka"},
    {"cinema", "cinema", "biograf"},
    {"clinic", "clinic", "vårdcentral"},
    {"clock", "clock", "ur"},
    {"clothes", "clothes shop", "klädbutik"},
    {"college", "college", "högskola"},
    {"community centre", "community centre", "föreningslokal"},
    {"conference centre", "conference centre", "konferenscenter"},
    {"convenience", "convenience store", "närbutik"},
    {"coworking space", "coworking space", "kontorshotell"},
    {"dentist", "dentist", "tandläkare"},
    {"doctors", "doctor", "läkare"},
    {"dog park", "dog park", "hundrastgård"},
    {"drinking water", "drinking water", "dricksvatten"},
    {"driving school", "driving school", "trafikskola"},
    {"embassy", "embassy", "ambassad"},
    {"events venue", "events venue", "evenemangslokal"},
    {"fast food", "fast food", "snabbmat"},
    {"ferry terminal", "ferry terminal", "färjeterminal"},
    {"fire station", "fire station", "brandstation"},
    {"fitness centre", "gym", "gym"},
    {"fitness station", "outdoor gym", "utegym"},
    {"food court", "food court", "restaurangtorg"},
    {"fountain", "fountain", "fontän"},
    {"fuel", "petrol station", "bensinstation"},
    {"garden", "garden", "trädgård"},
    {"grit bin", "grit bin", "sandlåda"},
    {"hairdresser", "hairdresser", "frisör"},
    {"hospital", "hospital", "sjukhus"},
    {"hotel", "hotel", "hotell"},
    {"ice cream", "ice cream", "glassbar"},
    {"information", "information", "information"},
    {"kindergarten", "kindergarten", "förskola"},
    {"kiosk", "kiosk", "kiosk"},
    {"library", "library", "bibliotek"},
    {"life boat", "lifeboat", "livbåt"},
    {"life ring", "life ring", "livboj"},
    {"luggage locker", "luggage locker", "förvaringsbox"},
    {"marketplace", "marketplace", "torg"},
    {"motorcycle parking", "motorcycle parking", "motorcykelparkering"},
    {"museum", "museum", "museum"},
    {"music school", "music school", "musikskola"},
    {"nature reserve", "nature reserve", "naturreservat"},
    {"nightclub", "nightclub", "nattklubb"},
    {"nursing home", "nursing home", "äldreboende"},
    {"park", "park", "park"},
    {"parking", "parking", "parkering"},
    {"pharmacy", "pharmacy", "apotek"},
    {"pitch", "pitch", "idrottsplan"},
    {"place of worship", "place of worship", "gudstjänstlokal"},
    {"playground", "playground", "lekplats"},
    {"police", "police", "polis"},
    {"post box", "post box", "brevlåda"},
    {"post office", "post office", "postkontor"},
    {"pub", "pub", "pub"},
    {"public building", "public building", "offentlig byggnad"},
    {"recycling", "recycling", "återvinning"},
    {"restaurant", "restaurant", "restaurang"},
    {"school", "school", "skola"},
    {"shelter", "shelter", "vindskydd"},
    {"shop", "shop", "butik"},
    {"social centre", "social centre", "träffpunkt"},
    {"social facility", "social facility", "social verksamhet"},
    {"sports centre", "sports centre", "idrottshall"},
    {"sports ground", "sports ground", "idrottsplats"},
    {"sports hall", "sports hall", "idrottshall"},
    {"stadium", "stadium", "arena"},
    {"studio", "studio", "studio"},
    {"supermarket", "supermarket", "livsmedelsbutik"},
    {"swimming hall", "swimming hall", "simhall"},
    {"swimming pool", "swimming pool", "simbassäng"},
    {"taxi", "taxi rank", "taxihållplats"},
    {"theatre", "theatre", "teater"},
    {"tickets", "ticket sales", "biljettförsäljning"},
    {"toilets", "toilets", "toalett"},
    {"townhall", "town hall", "stadshus"},
    {"toy library", "toy library", "lekotek"},
    {"track", "running track", "löparbana"},
    {"uncategorised", "uncategorised", "utan kategori"},
    {"university", "university", "universitet"},
    {"vending machine", "vending machine", "varuautomat"},
    {"veterinary", "veterinary", "veterinär"},
    {"viewpoint", "viewpoint", "utsiktsplats"},
    {"waste basket", "waste basket", "papperskorg"},
    {"waste disposal", "waste container", "avfallsbehållare"},
    {"youth centre", "youth centre", "fritidsgård"},
}};

// Folded key, English word and Swedish word -> entry. A word shared by two entries ("idrottshall"
// for sports centre and sports hall) keeps the first, which translates the same.
const std::unordered_map<std::string, const ActivityCategoryText*>& index() {
    static const std::unordered_map<std::string, const ActivityCategoryText*> map = [] {
        std::unordered_map<std::string, const ActivityCategoryText*> out;
        for (const auto& t : table) out.emplace(std::string(t.key), &t);
        for (const auto& t : table) {
            out.emplace(io::fold_case(t.en), &t);
            out.emplace(io::fold_case(t.sv), &t);
        }
        return out;
    }();
    return map;
}

}  // namespace

std::span<const ActivityCategoryText> activity_category_table() { return table; }

std::string activity_category_text(std::string_view category, Language lang) {
    const auto& map = index();
    const auto it = map.find(io::fold_case(category));
    if (it != map.end()) return std::string(lang == Language::sv ? it->second->sv : it->second->en);
    std::string as_written(category);
    std::replace(as_written.begin(), as_written.end(), '_', ' ');
    return as_written;
}

}  // namespace trygg::map
