// A loop with a branch taken one way far more often than the other: something to count.
#include <cstdio>

int main(int argc, char**) {
  unsigned long odd = 0;
  for (unsigned long i = 0; i < 100000; ++i) {
    if ((i * static_cast<unsigned long>(argc)) % 7 == 3) ++odd;
  }
  std::printf("%lu\n", odd);
  return 0;
}
