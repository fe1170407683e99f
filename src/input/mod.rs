//! Reading articles from what people have: plain text, Markdown, HTML pages,
//! JSON exports, directories and stdin.

pub mod html;
