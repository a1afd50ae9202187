//! Rendering tests of the views built outside the pair redline: the bracket
//! reports and a series' cumulative redline.

mod brackets;
mod series;
