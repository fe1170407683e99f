//! Main-content extraction from saved news pages (being written).
