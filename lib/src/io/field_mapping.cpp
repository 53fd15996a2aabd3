#include "trygg/io/field_mapping.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "trygg/io/category_vocabulary.hpp"

namespace trygg::io {

namespace {

using model::Kind;

// A set of kinds as bits, so a name can be limited to the kinds where it means the role.
using KindMask = unsigned;
constexpr KindMask bit(Kind kind) { return 1u << static_cast<unsigned>(kind); }
constexpr KindMask kAnyKind = ~0u;
constexpr KindMask kReportsActivities = bit(Kind::reports) | bit(Kind::activities);

struct DetectionName {
    std::string_view name;
    KindMask kinds = kAnyKind;
};

struct RoleNames {
    FieldRole role;
    std::vector<DetectionName> names;
};

// THE PRIORITY TABLE. For each role, the field names auto-detection looks for, best first;
// matching is case-insensitive after fold_case ('_' and '-' equal ' ', Å equals å). Swedish
// names also appear without å/ä/ö because column names are often written that way.
// Choices worth knowing:
//   - time: a combined date-time column (timestamp, datetime) beats a bare "date"; the 311
//     "open_dt" (opened) is listed, "target_dt"/"closed_dt" are not, so Boston's OPEN_DT wins.
//   - category: "type"/"typ" only for reports and activities (for other kinds "type" is rarely
//     a category), "reason" only for reports, and after "type" so Boston's TYPE ("Graffiti
//     Removal") wins over its coarser REASON ("Graffiti"). "subject" is not used: in 311 data
//     it names the department.
//   - x/y are matched as pairs (kXYPairs below), not from this table.
const std::vector<RoleNames>& role_table() {
    static const std::vector<RoleNames> table = {
        {FieldRole::id,
         {{"id"}, {"fid"}, {"objectid"}, {"object_id"}, {"gid"}, {"case_enquiry_id"}, {"case_id"},
          {"ärendenummer"}, {"arendenummer"}, {"ärende_id"}, {"stop_id"}, {"osm_id"}, {"camera_id"},
          {"atco_code"}, {"löpnummer"}, {"lopnummer"}, {"löpnr"}, {"lopnr"}}},
        {FieldRole::category,
         {{"category"}, {"kategori"}, {"category_name"}, {"kategorinamn"}, {"ärendetyp", kReportsActivities},
          {"arendetyp", kReportsActivities}, {"type", kReportsActivities}, {"typ", kReportsActivities},
          {"reason", bit(Kind::reports)}}},
        {FieldRole::time,
         {{"timestamp"}, {"datetime"}, {"date_time"}, {"tidpunkt"}, {"date"}, {"datum"}, {"time"}, {"tid"},
          {"reported_at"}, {"reported"}, {"reported_date"}, {"rapporterad"}, {"rapporterat"}, {"rapportdatum"},
          {"created_at"}, {"created"}, {"created_date"}, {"creation_date"}, {"skapad"}, {"registrerad"},
          {"inkommen"}, {"open_dt"}, {"opened"}, {"opened_at"}, {"händelsedatum"}, {"handelsedatum"}}},
        {FieldRole::weight,
         {{"weight"}, {"vikt"}, {"severity"}, {"allvarlighet"}, {"allvarlighetsgrad"}, {"count"}, {"antal"}}},
        {FieldRole::name,
         {{"name"}, {"namn"}, {"stop_name"}, {"common_name"}, {"title"}, {"titel"}, {"benämning"},
          {"benamning"}}},
        {FieldRole::wkt, {{"wkt"}, {"geometry"}, {"geom"}, {"the_geom"}, {"wkt_geom"}, {"geometri"}}},
        {FieldRole::height,
         {{"height"}, {"höjd"}, {"hojd"}, {"ljuspunktshöjd"}, {"ljuspunktshojd"}, {"mounting_height"},
          {"stolphöjd"}, {"stolphojd"}}},
        {FieldRole::status, {{"status"}, {"state"}, {"tillstånd"}, {"tillstand"}, {"skick"}, {"case_status"}}},
        {FieldRole::heading,
         {{"heading"}, {"direction"}, {"camera:direction"}, {"camera_direction"}, {"riktning"},
          {"kamerariktning"}, {"azimuth"}, {"bearing"}}},
        {FieldRole::fov,
         {{"fov"}, {"field_of_view"}, {"angle"}, {"camera:angle"}, {"camera_angle"}, {"vinkel"}, {"synvinkel"},
          {"bildvinkel"}}},
        {FieldRole::range, {{"range"}, {"räckvidd"}, {"rackvidd"}, {"radius"}, {"distance"}}},
        {FieldRole::lit, {{"lit"}, {"belyst"}, {"belysning"}}},
        {FieldRole::highway, {{"highway"}, {"vägtyp"}, {"vagtyp"}}},
    };
    return table;
}

// x/y pairs, best first. Both members must be present for a pair to count.
constexpr std::pair<std::string_view, std::string_view> kXYPairs[] = {
    {"x", "y"},
    {"lon", "lat"},
    {"lng", "lat"},
    {"long", "lat"},
    {"longitude", "latitude"},
    {"longitud", "latitud"},
    {"stop_lon", "stop_lat"},
    {"easting", "northing"},
    {"x_coord", "y_coord"},
    {"xcoord", "ycoord"},
    {"coord_x", "coord_y"},
    {"e", "n"},  // SWEREF 99 columns are often just E and N
};

const std::vector<DetectionName>& names_of(FieldRole role) {
    static const std::vector<DetectionName> none;
    for (const auto& entry : role_table())
        if (entry.role == role) return entry.names;
    return none;
}

// Field lookup by folded name, remembering which fields already play a role.
class FieldMatcher {
public:
    explicit FieldMatcher(const std::vector<std::string>& names) : names_(names), claimed_(names.size(), false) {
        folded_.reserve(names.size());
        for (const auto& name : names) folded_.push_back(fold_case(name));
    }

    // The first unclaimed field whose folded name equals fold_case(wanted).
    std::optional<int> find_free(std::string_view wanted) const {
        const std::string key = fold_case(wanted);
        for (std::size_t i = 0; i < folded_.size(); ++i)
            if (!claimed_[i] && folded_[i] == key) return static_cast<int>(i);
        return std::nullopt;
    }

    // An override: the exact name, else the only case-insensitive match (claimed or not: a
    // user may let one field play two roles).
    std::vector<int> find_override(const std::string& wanted) const {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == wanted) return {static_cast<int>(i)};
        std::vector<int> matches;
        const std::string key = fold_case(wanted);
        for (std::size_t i = 0; i < folded_.size(); ++i)
            if (folded_[i] == key) matches.push_back(static_cast<int>(i));
        return matches;
    }

    void claim(int index) { claimed_[static_cast<std::size_t>(index)] = true; }

private:
    const std::vector<std::string>& names_;
    std::vector<std::string> folded_;
    std::vector<bool> claimed_;
};

std::string list_fields(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += ", ";
        out += name.empty() ? "(unnamed)" : name;
    }
    return out.empty() ? "(none)" : out;
}

std::string option_name(FieldRole role) { return "--" + std::string(to_string(role)) + "-field"; }

}  // namespace

std::string_view to_string(FieldRole role) {
    switch (role) {
        case FieldRole::id: return "id";
        case FieldRole::category: return "category";
        case FieldRole::time: return "time";
        case FieldRole::weight: return "weight";
        case FieldRole::name: return "name";
        case FieldRole::x: return "x";
        case FieldRole::y: return "y";
        case FieldRole::wkt: return "wkt";
        case FieldRole::height: return "height";
        case FieldRole::status: return "status";
        case FieldRole::heading: return "heading";
        case FieldRole::fov: return "fov";
        case FieldRole::range: return "range";
        case FieldRole::lit: return "lit";
        case FieldRole::highway: return "highway";
    }
    return "unknown";
}

const std::vector<FieldRole>& all_field_roles() {
    static const std::vector<FieldRole> roles = {
        FieldRole::id,     FieldRole::category, FieldRole::time,    FieldRole::weight, FieldRole::name,
        FieldRole::x,      FieldRole::y,        FieldRole::wkt,     FieldRole::height, FieldRole::status,
        FieldRole::heading, FieldRole::fov,     FieldRole::range,   FieldRole::lit,    FieldRole::highway};
    return roles;
}

std::optional<FieldRole> parse_field_role(std::string_view text) {
    for (FieldRole role : all_field_roles())
        if (to_string(role) == text) return role;
    return std::nullopt;
}

const std::vector<FieldRole>& detected_roles(model::Kind kind) {
    using R = FieldRole;
    // Order matters: earlier roles claim a field first (e.g. a "name" column cannot become a
    // category later).
    static const std::vector<R> reports = {R::id, R::category, R::time, R::weight, R::name, R::x, R::y, R::wkt, R::status};
    static const std::vector<R> lights = {R::id, R::name, R::x, R::y, R::wkt, R::height, R::status, R::range};
    static const std::vector<R> cameras = {R::id,     R::name,    R::x,   R::y,    R::wkt,
                                           R::height, R::status, R::heading, R::fov, R::range};
    static const std::vector<R> stops = {R::id, R::name, R::x, R::y, R::wkt};
    static const std::vector<R> activities = {R::id, R::name, R::category, R::weight, R::x, R::y, R::wkt};
    static const std::vector<R> walkways = {R::id, R::name, R::wkt, R::lit, R::highway};
    static const std::vector<R> buildings = {R::id, R::name, R::wkt, R::height};
    static const std::vector<R> areas = {R::id, R::name, R::wkt};
    switch (kind) {
        case Kind::reports: return reports;
        case Kind::lights: return lights;
        case Kind::cameras: return cameras;
        case Kind::stops: return stops;
        case Kind::activities: return activities;
        case Kind::walkways: return walkways;
        case Kind::buildings: return buildings;
        case Kind::areas: return areas;
    }
    return areas;
}

std::vector<std::string> detection_names(FieldRole role, model::Kind kind) {
    std::vector<std::string> out;
    if (role == FieldRole::x || role == FieldRole::y) {
        for (const auto& [x, y] : kXYPairs) {
            const std::string_view name = role == FieldRole::x ? x : y;
            if (std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);  // "lat" pairs thrice
        }
        return out;
    }
    for (const auto& candidate : names_of(role))
        if ((candidate.kinds & bit(kind)) != 0) out.emplace_back(candidate.name);
    return out;
}

std::optional<int> FieldMapping::find(FieldRole role) const {
    const auto it = index.find(role);
    if (it == index.end()) return std::nullopt;
    return it->second;
}

std::string FieldMapping::name(FieldRole role) const {
    const auto it = index.find(role);
    if (it == index.end() || it->second < 0 || static_cast<std::size_t>(it->second) >= field_names.size()) return {};
    return field_names[static_cast<std::size_t>(it->second)];
}

std::string FieldMapping::describe() const {
    std::string out;
    for (const auto& [role, field] : index) {
        if (!out.empty()) out += ", ";
        out += std::string(to_string(role)) + "=" + name(role);
    }
    return out;
}

FieldMapping map_fields(const std::vector<std::string>& field_names, const FieldOverrides& overrides,
                        model::Kind kind, const ErrorLocation& where) {
    FieldMapping mapping;
    mapping.field_names = field_names;
    FieldMatcher matcher(field_names);

    // 1. Overrides: the user's word is final, so a name that does not exist is a usage error.
    for (const auto& [role, wanted] : overrides.fields) {
        if (wanted.empty()) continue;  // role switched off
        const std::vector<int> matches = matcher.find_override(wanted);
        if (matches.empty()) {
            throw UsageError(option_name(role) + " '" + wanted + "': no such field; available fields: " +
                                 list_fields(field_names),
                             where);
        }
        if (matches.size() > 1) {
            std::vector<std::string> candidates;
            for (int i : matches) candidates.push_back(field_names[static_cast<std::size_t>(i)]);
            throw UsageError(option_name(role) + " '" + wanted + "' matches several fields (" +
                                 list_fields(candidates) + "); give the exact name",
                             where);
        }
        mapping.index[role] = matches.front();
        matcher.claim(matches.front());
    }
    auto overridden = [&overrides](FieldRole role) { return overrides.fields.count(role) != 0; };

    // 2. Auto-detection for the roles this kind uses.
    const auto& roles = detected_roles(kind);
    for (FieldRole role : roles) {
        if (overridden(role) || role == FieldRole::x || role == FieldRole::y) continue;
        for (const auto& candidate : names_of(role)) {
            if ((candidate.kinds & bit(kind)) == 0) continue;
            if (const auto found = matcher.find_free(candidate.name)) {
                mapping.index[role] = *found;
                matcher.claim(*found);
                break;
            }
        }
    }

    // 3. Coordinates: as a pair, unless the user fixed one of them, in which case the other
    //    is looked for among the pair members of its axis.
    const bool wants_xy = std::find(roles.begin(), roles.end(), FieldRole::x) != roles.end();
    if (wants_xy) {
        const bool x_fixed = overridden(FieldRole::x);
        const bool y_fixed = overridden(FieldRole::y);
        if (!x_fixed && !y_fixed) {
            for (const auto& [x_name, y_name] : kXYPairs) {
                const auto x = matcher.find_free(x_name);
                const auto y = matcher.find_free(y_name);
                if (x && y && *x != *y) {
                    mapping.index[FieldRole::x] = *x;
                    mapping.index[FieldRole::y] = *y;
                    matcher.claim(*x);
                    matcher.claim(*y);
                    break;
                }
            }
        } else if (x_fixed != y_fixed) {
            const FieldRole missing = x_fixed ? FieldRole::y : FieldRole::x;
            for (const auto& [x_name, y_name] : kXYPairs) {
                if (const auto found = matcher.find_free(missing == FieldRole::x ? x_name : y_name)) {
                    mapping.index[missing] = *found;
                    matcher.claim(*found);
                    break;
                }
            }
        }
    }
    return mapping;
}

}  // namespace trygg::io
