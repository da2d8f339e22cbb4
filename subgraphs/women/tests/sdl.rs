//! The checked-in SDL (schema/women.graphql) must match the code.

quntuan_kit::sdl_tests!(quntuan_women::Women);
