//! `govsite export` writes its files in the site's language: every sentence, label and table
//! header of a Chinese site's GOVERNANCE.md, MAINTAINERS.md, CODE_OF_CONDUCT.md,
//! CONTRIBUTING.md and SECURITY.md is Chinese; people on a forge other than GitHub are named
//! by their account there. Runs the real binary on the zh-CN scaffold.

mod common;

use common::{govsite, read, stderr, write};
use govsite::i18n::bundled_messages;
use govsite::model::locale::Message;
use std::collections::BTreeSet;
use std::path::Path;

/// The Markdown files export writes in the site's language.
const PROSE: [&str; 5] = ["GOVERNANCE.md", "MAINTAINERS.md", "CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "SECURITY.md"];

/// The zh-CN scaffold, with 王芳 on Gitee only (no GitHub handle).
fn chinese_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let output = govsite(&["init", &site.to_string_lossy(), "--language", "zh-CN"]);
    assert_eq!(output.status.code(), Some(0), "init:\n{}", stderr(&output));
    let people = std::fs::read_to_string(site.join("governance/people.yaml")).expect("people.yaml");
    assert!(people.contains("    github: ben-sample\n"), "{people}");
    write(
        &site,
        "governance/people.yaml",
        &people.replace("    github: ben-sample\n", "    accounts: { gitee: wangfang }\n"),
    );
    dir
}

fn export(site: &Path, to: &Path) {
    let output = govsite(&["export", &site.to_string_lossy(), "--to", &to.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "export:\n{}", stderr(&output));
}

#[test]
fn a_chinese_site_exports_chinese_files() {
    let dir = chinese_site();
    let out = dir.path().join("out");
    export(&dir.path().join("site"), &out);
    let governance = read(&out, "GOVERNANCE.md");
    let expected = "\
## 维护者：决策机构

项目的决策由全体[维护者](https://example.github.io/example-project/roles/#maintainer)做出，具体见[决策机制](#决策机制)。
";
    assert!(governance.contains(expected), "{governance}");
    let table = "\
| 姓名 | 账号 | 所属机构 | 负责领域 |
| --- | --- | --- | --- |
| 李华 | [GitHub @ada-example](https://github.com/ada-example) | 示例科技 | 核心库与版本发布 |
| 王芳 | [Gitee @wangfang](https://gitee.com/wangfang) | 样例实验室 | 文档与命令行工具 |
";
    assert!(governance.contains(table), "{governance}");
    assert!(governance.contains("| 修订章程 | 三分之二多数（以全体成员为基数） |\n"), "{governance}");
    let maintainers = read(&out, "MAINTAINERS.md");
    let intro = "示例项目 的决策由全体维护者做出，详见[治理文档](GOVERNANCE.md)。所有担任角色的成员也列在[治理门户](https://example.github.io/example-project/people/)上。\n";
    assert!(maintainers.contains(intro), "{maintainers}");
    assert!(maintainers.contains("| 姓名 | 账号 | 所属机构 | 角色 | 负责领域 |\n"), "{maintainers}");
    let conduct = read(&out, "CODE_OF_CONDUCT.md");
    let based = "本行为准则以[Contributor Covenant 3.0 版](https://www.contributor-covenant.org/version/3/0/code_of_conduct/)为基础，也发布在[治理门户](https://example.github.io/example-project/code-of-conduct/)上。\n";
    assert!(conduct.contains(based), "{conduct}");
    assert!(
        conduct.contains("\n### 2. 暂时限制参与\n\n**情形**：警告之后再次违规，或者初次违规但情节较重。\n"),
        "{conduct}"
    );
    assert!(conduct.contains("每一份举报都会在 3 天内得到确认。"), "{conduct}");
    let security = read(&out, "SECURITY.md");
    assert!(security.contains("\n| 环节 | 时限 |\n| --- | --- |\n| 确认收到报告 | 3 天内 |\n"), "{security}");
}

/// The ASCII words of every English export sentence that its Chinese translation does not
/// also use (names such as `GitHub`, `PGP`, `git commit -s` are the same in both).
fn english_words() -> BTreeSet<String> {
    let words = |tag: &str| -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for (key, message) in bundled_messages(tag).expect("bundled locale") {
            if !key.starts_with("export_text.") {
                continue;
            }
            let texts: Vec<&String> = match message {
                Message::Text(text) => vec![text],
                Message::Plural(forms) => forms.values().collect(),
            };
            for text in texts {
                // Placeholders and link targets are not words of the sentence.
                let mut plain = String::new();
                let mut depth = 0;
                for c in text.chars() {
                    match c {
                        '{' | '(' => depth += 1,
                        '}' | ')' => depth -= 1,
                        _ if depth == 0 => plain.push(c),
                        _ => plain.push(' '),
                    }
                }
                out.extend(plain.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).map(str::to_string));
            }
        }
        out
    };
    let chinese = words("zh-CN");
    words("en").into_iter().filter(|w| !chinese.contains(w)).collect()
}

#[test]
fn a_chinese_export_has_no_english_words_of_govsite() {
    let english = english_words();
    assert!(
        english.len() > 150 && english.contains("Affiliation") && english.contains("vulnerabilities"),
        "{english:?}"
    );
    let dir = chinese_site();
    let out = dir.path().join("out");
    export(&dir.path().join("site"), &out);
    for file in PROSE {
        let text = read(&out, file);
        // The generated-file notice stays English (see docs/i18n.md); URLs, e-mail addresses
        // file paths and code are not words.
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with("<!--")) {
            let mut plain = line.to_string();
            for (open, close) in [("](", ")"), ("<http", ">"), ("`", "`")] {
                while let Some(at) = plain.find(open) {
                    let end = plain[at + open.len()..].find(close).map_or(plain.len(), |e| at + open.len() + e + 1);
                    plain.replace_range(at..end, " ");
                }
            }
            for word in plain
                .split(|c: char| c.is_whitespace() || !c.is_ascii())
                .filter(|token| !token.contains('@') && !token.contains('/'))
                .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| w.len() > 1)
            {
                assert!(!english.contains(word), "{file}:{}: English word `{word}` in {line:?}", n + 1);
            }
        }
    }
}

#[test]
fn a_multilingual_site_exports_its_default_language() {
    let dir = chinese_site();
    let site = dir.path().join("site");
    let yaml = std::fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    assert!(yaml.contains("\nlanguage: zh-CN\n"), "{yaml}");
    write(&site, "site.yaml", &yaml.replace("\nlanguage: zh-CN\n", "\nlanguages: [zh-CN, en]\n"));
    let out = dir.path().join("out");
    export(&site, &out);
    assert!(read(&out, "MAINTAINERS.md").contains("\n| 姓名 | 账号 | 所属机构 | 角色 | 负责领域 |\n"));
}

#[test]
fn an_english_site_names_other_forges_in_an_account_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let output = govsite(&["init", &site.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "init:\n{}", stderr(&output));
    let people = std::fs::read_to_string(site.join("governance/people.yaml")).expect("people.yaml");
    let out = dir.path().join("github");
    export(&site, &out);
    let before = read(&out, "MAINTAINERS.md");
    assert!(before.contains("\n| Name | GitHub | Affiliation | Role | Area |\n"), "{before}");
    assert!(people.contains("    github: ben-sample\n"), "{people}");
    write(
        &site,
        "governance/people.yaml",
        &people.replace("    github: ben-sample\n", "    accounts: { codeberg: ben }\n"),
    );
    let out = dir.path().join("accounts");
    export(&site, &out);
    let after = read(&out, "MAINTAINERS.md");
    assert!(after.contains("\n| Name | Account | Affiliation | Role | Area |\n"), "{after}");
    assert!(after.contains("| [GitHub @ada-example](https://github.com/ada-example) |"), "{after}");
    assert!(after.contains("| [Codeberg @ben](https://codeberg.org/ben) |"), "{after}");
}
