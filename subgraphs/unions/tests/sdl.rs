//! The checked-in SDL (schema/unions.graphql) must match the code.

quntuan_kit::sdl_tests!(quntuan_unions::Unions);
