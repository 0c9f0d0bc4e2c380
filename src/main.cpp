#include "ldt/cli/context.hpp"

int main(int argc, char** argv) { return ldt::run(argc, argv); }
