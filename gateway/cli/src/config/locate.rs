//! The line of a dotted key in a block-style YAML document, for errors about values that
//! parsed but do not make sense (serde only knows lines for type errors).

/// The 1-based line where `key` (`a.b.c`) is written, if it is.
pub(crate) fn line_of(text: &str, key: &str) -> Option<usize> {
    let mut parent_indent: Option<usize> = None;
    let mut from = 0;
    let lines: Vec<&str> = text.lines().collect();
    let mut found = None;
    for segment in key.split('.') {
        // `rules[2]`: the key `rules`, then its third `- ` item.
        let (segment, item) = match segment.strip_suffix(']').and_then(|s| s.split_once('[')) {
            Some((name, index)) => (name, index.parse::<usize>().ok()),
            None => (segment, None),
        };
        found = None;
        for (index, line) in lines.iter().enumerate().skip(from) {
            let content = line.trim_start();
            let indent = line.len() - content.len();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if parent_indent.is_some_and(|parent| indent <= parent) {
                break;
            }
            let name = content
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            if name == segment && content.contains(':') {
                found = Some(index);
                parent_indent = Some(indent);
                from = index + 1;
                break;
            }
        }
        found?;
        if let Some(item) = item {
            found = nth_item(&lines, from, parent_indent.unwrap_or(0), item);
            found?;
        }
    }
    found.map(|index| index + 1)
}

/// The index of the `n`th (0-based) `- ` item among `lines[from..]` indented deeper than
/// `parent`.
fn nth_item(lines: &[&str], from: usize, parent: usize, n: usize) -> Option<usize> {
    lines
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, line)| !line.trim_start().is_empty() && !line.trim_start().starts_with('#'))
        .take_while(|(_, line)| line.len() - line.trim_start().len() > parent)
        .filter(|(_, line)| line.trim_start().starts_with("- "))
        .map(|(index, _)| index)
        .nth(n)
}
