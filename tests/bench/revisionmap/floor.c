/* The floor under any tool that reads a folder of revision files: list the folder, then open,
 * read and close every file in it, and do nothing else. `bench_floor DIR` prints the number of
 * files and bytes read. Stratum's `heads` cannot be faster than this on the same folder. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_floor DIR\n");
        return 2;
    }
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        perror(argv[1]);
        return 1;
    }
    static char buffer[1 << 16];
    char path[4096];
    long files = 0;
    long long bytes = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        int fd = open(path, O_RDONLY);
        if (fd < 0) {
            perror(path);
            return 1;
        }
        ssize_t n;
        while ((n = read(fd, buffer, sizeof buffer)) > 0)
            bytes += n;
        close(fd);
        ++files;
    }
    closedir(dir);
    printf("%ld files, %lld bytes\n", files, bytes);
    return 0;
}
