#include <fcntl.h>
#include <unistd.h>

#include "ldt/cli/context.hpp"

int main(int argc, char** argv) {
  // A closed standard stream would hand its number to the next file opened (the project lock, a
  // staged record), and output meant for it would go there: keep 0, 1 and 2 open, on /dev/null.
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd) return 4;
  }
  return ldt::run(argc, argv);
}
