// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "pythonmodule_p.h"

#include <QByteArray>

#include <cstring>

namespace Stratum::Internal {

namespace {

struct Alias
{
    const char *name;
    char32_t code;
};

// The aliases of Unicode's NameAliases.txt that Python's \N{...} accepts and ICU's name lookup
// does not: names and abbreviations of control characters, and abbreviations of format and
// space characters (ICU knows only the corrections). Variation selectors VS1 to VS256 follow a
// rule and are computed below.
const Alias kAliases[] = {
    {"NUL", 0x0000}, {"NULL", 0x0000}, {"SOH", 0x0001}, {"START OF HEADING", 0x0001},
    {"START OF TEXT", 0x0002}, {"STX", 0x0002}, {"END OF TEXT", 0x0003}, {"ETX", 0x0003},
    {"END OF TRANSMISSION", 0x0004}, {"EOT", 0x0004}, {"ENQ", 0x0005}, {"ENQUIRY", 0x0005}, {"ACK", 0x0006},
    {"ACKNOWLEDGE", 0x0006}, {"ALERT", 0x0007}, {"BEL", 0x0007}, {"BACKSPACE", 0x0008}, {"BS", 0x0008},
    {"CHARACTER TABULATION", 0x0009}, {"HORIZONTAL TABULATION", 0x0009}, {"HT", 0x0009}, {"TAB", 0x0009},
    {"END OF LINE", 0x000A}, {"EOL", 0x000A}, {"LF", 0x000A}, {"LINE FEED", 0x000A}, {"NEW LINE", 0x000A},
    {"NL", 0x000A}, {"LINE TABULATION", 0x000B}, {"VERTICAL TABULATION", 0x000B}, {"VT", 0x000B},
    {"FF", 0x000C}, {"FORM FEED", 0x000C}, {"CARRIAGE RETURN", 0x000D}, {"CR", 0x000D},
    {"LOCKING-SHIFT ONE", 0x000E}, {"SHIFT OUT", 0x000E}, {"SO", 0x000E}, {"LOCKING-SHIFT ZERO", 0x000F},
    {"SHIFT IN", 0x000F}, {"SI", 0x000F}, {"DATA LINK ESCAPE", 0x0010}, {"DLE", 0x0010}, {"DC1", 0x0011},
    {"DEVICE CONTROL ONE", 0x0011}, {"DC2", 0x0012}, {"DEVICE CONTROL TWO", 0x0012}, {"DC3", 0x0013},
    {"DEVICE CONTROL THREE", 0x0013}, {"DC4", 0x0014}, {"DEVICE CONTROL FOUR", 0x0014}, {"NAK", 0x0015},
    {"NEGATIVE ACKNOWLEDGE", 0x0015}, {"SYN", 0x0016}, {"SYNCHRONOUS IDLE", 0x0016},
    {"END OF TRANSMISSION BLOCK", 0x0017}, {"ETB", 0x0017}, {"CAN", 0x0018}, {"CANCEL", 0x0018},
    {"END OF MEDIUM", 0x0019}, {"EOM", 0x0019}, {"SUB", 0x001A}, {"SUBSTITUTE", 0x001A}, {"ESC", 0x001B},
    {"ESCAPE", 0x001B}, {"FILE SEPARATOR", 0x001C}, {"FS", 0x001C}, {"INFORMATION SEPARATOR FOUR", 0x001C},
    {"GROUP SEPARATOR", 0x001D}, {"GS", 0x001D}, {"INFORMATION SEPARATOR THREE", 0x001D},
    {"INFORMATION SEPARATOR TWO", 0x001E}, {"RECORD SEPARATOR", 0x001E}, {"RS", 0x001E},
    {"INFORMATION SEPARATOR ONE", 0x001F}, {"UNIT SEPARATOR", 0x001F}, {"US", 0x001F}, {"SP", 0x0020},
    {"DEL", 0x007F}, {"DELETE", 0x007F}, {"PAD", 0x0080}, {"PADDING CHARACTER", 0x0080},
    {"HIGH OCTET PRESET", 0x0081}, {"HOP", 0x0081}, {"BPH", 0x0082}, {"BREAK PERMITTED HERE", 0x0082},
    {"NBH", 0x0083}, {"NO BREAK HERE", 0x0083}, {"IND", 0x0084}, {"INDEX", 0x0084}, {"NEL", 0x0085},
    {"NEXT LINE", 0x0085}, {"SSA", 0x0086}, {"START OF SELECTED AREA", 0x0086},
    {"END OF SELECTED AREA", 0x0087}, {"ESA", 0x0087}, {"CHARACTER TABULATION SET", 0x0088},
    {"HORIZONTAL TABULATION SET", 0x0088}, {"HTS", 0x0088},
    {"CHARACTER TABULATION WITH JUSTIFICATION", 0x0089}, {"HORIZONTAL TABULATION WITH JUSTIFICATION", 0x0089},
    {"HTJ", 0x0089}, {"LINE TABULATION SET", 0x008A}, {"VERTICAL TABULATION SET", 0x008A}, {"VTS", 0x008A},
    {"PARTIAL LINE DOWN", 0x008B}, {"PARTIAL LINE FORWARD", 0x008B}, {"PLD", 0x008B},
    {"PARTIAL LINE BACKWARD", 0x008C}, {"PARTIAL LINE UP", 0x008C}, {"PLU", 0x008C}, {"REVERSE INDEX", 0x008D},
    {"REVERSE LINE FEED", 0x008D}, {"RI", 0x008D}, {"SINGLE SHIFT TWO", 0x008E}, {"SINGLE-SHIFT-2", 0x008E},
    {"SS2", 0x008E}, {"SINGLE SHIFT THREE", 0x008F}, {"SINGLE-SHIFT-3", 0x008F}, {"SS3", 0x008F},
    {"DCS", 0x0090}, {"DEVICE CONTROL STRING", 0x0090}, {"PRIVATE USE ONE", 0x0091}, {"PRIVATE USE-1", 0x0091},
    {"PU1", 0x0091}, {"PRIVATE USE TWO", 0x0092}, {"PRIVATE USE-2", 0x0092}, {"PU2", 0x0092},
    {"SET TRANSMIT STATE", 0x0093}, {"STS", 0x0093}, {"CANCEL CHARACTER", 0x0094}, {"CCH", 0x0094},
    {"MESSAGE WAITING", 0x0095}, {"MW", 0x0095}, {"SPA", 0x0096}, {"START OF GUARDED AREA", 0x0096},
    {"START OF PROTECTED AREA", 0x0096}, {"END OF GUARDED AREA", 0x0097}, {"END OF PROTECTED AREA", 0x0097},
    {"EPA", 0x0097}, {"SOS", 0x0098}, {"START OF STRING", 0x0098}, {"SGC", 0x0099},
    {"SINGLE GRAPHIC CHARACTER INTRODUCER", 0x0099}, {"SCI", 0x009A}, {"SINGLE CHARACTER INTRODUCER", 0x009A},
    {"CONTROL SEQUENCE INTRODUCER", 0x009B}, {"CSI", 0x009B}, {"ST", 0x009C}, {"STRING TERMINATOR", 0x009C},
    {"OPERATING SYSTEM COMMAND", 0x009D}, {"OSC", 0x009D}, {"PM", 0x009E}, {"PRIVACY MESSAGE", 0x009E},
    {"APC", 0x009F}, {"APPLICATION PROGRAM COMMAND", 0x009F}, {"NBSP", 0x00A0}, {"SHY", 0x00AD},
    {"CGJ", 0x034F}, {"ALM", 0x061C}, {"FVS1", 0x180B}, {"FVS2", 0x180C}, {"FVS3", 0x180D}, {"MVS", 0x180E},
    {"FVS4", 0x180F}, {"ZWSP", 0x200B}, {"ZWNJ", 0x200C}, {"ZWJ", 0x200D}, {"LRM", 0x200E}, {"RLM", 0x200F},
    {"LRE", 0x202A}, {"RLE", 0x202B}, {"PDF", 0x202C}, {"LRO", 0x202D}, {"RLO", 0x202E}, {"NNBSP", 0x202F},
    {"MMSP", 0x205F}, {"WJ", 0x2060}, {"LRI", 0x2066}, {"RLI", 0x2067}, {"FSI", 0x2068}, {"PDI", 0x2069},
    {"BOM", 0xFEFF}, {"BYTE ORDER MARK", 0xFEFF}, {"ZWNBSP", 0xFEFF},
};

} // namespace

std::optional<char32_t> unicodeAlias(const QByteArray &upperName)
{
    if (upperName.startsWith("VS")) {
        bool ok = false;
        const int n = upperName.mid(2).toInt(&ok);
        if (ok && n >= 1 && n <= 16 && !upperName.mid(2).startsWith('0'))
            return char32_t(0xFE00 + n - 1);
        if (ok && n >= 17 && n <= 256 && !upperName.mid(2).startsWith('0'))
            return char32_t(0xE0100 + n - 17);
        return std::nullopt;
    }
    for (const Alias &alias : kAliases)
        if (std::strcmp(alias.name, upperName.constData()) == 0)
            return alias.code;
    return std::nullopt;
}

} // namespace Stratum::Internal
