#pragma once
// word/numbering.xml: Word's own numbering, so lists and a committee report's paragraph
// numbers stay live when a reviewer inserts a paragraph. Num 1 is the bullet list and num 2
// the numbered list that styles.xml's List Bullet and List Number name; every ordered list
// and every run of report paragraphs gets a num of its own that starts where it should.
#include <map>
#include <string>
#include <vector>

namespace planpack::render::docx {

class Numbering {
public:
    static constexpr int bullets = 1;
    static constexpr int decimal = 2;

    // A new ordered list that starts at start, at list level `level` (0 outermost).
    int ordered_list(int start, int level);
    // The num for report paragraph `number` ("6.2", "6.3.1"): the next of the run of its
    // prefix ("6.") when it follows on from it, else a new run of that prefix from its last part.
    int report_paragraph(const std::string& number);

    // Report paragraphs of the next section never continue a run of this one's.
    void new_section() { runs_.clear(); }

    std::string xml() const;

private:
    struct Num {
        int abstract = 0;
        int start = 0;  // 0: as the abstract says
        int level = 0;  // the level start applies to
    };
    struct Run {
        int num = 0;
        int last = 0;
    };
    std::vector<Num> nums_ = {{0, 0, 0}, {1, 0, 0}};  // ids 1 and 2
    std::vector<std::string> prefixes_;                  // abstract 2 + i: "6." ...
    std::map<std::string, Run> runs_;                    // by prefix
};

}  // namespace planpack::render::docx
