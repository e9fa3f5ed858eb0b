package dev.slimlab.staging;



/**
 * File modes written as Go's {@code os.FileMode.String()} writes them, which is what
 * container-structure-test compares {@code permissions} with: type and special-bit letters in
 * the order {@code dalTLDpSugct?} (or {@code -} when there are none), then {@code rwxrwxrwx}.
 */
final class GoFileMode {

    private GoFileMode() {
    }

    /** {@code type} as in {@link dev.slimlab.engine.api.ImageFile#type()}, {@code mode} the 07777 bits. */
    static String format(char type, int mode) {
        StringBuilder s = new StringBuilder();
        switch (type) {
            case 'd' -> s.append('d');
            case 'l' -> s.append('L');
            case 'c', 'b' -> s.append('D');
            case 'p' -> s.append('p');
            default -> { }
        }
        if ((mode & 04000) != 0) {
            s.append('u');
        }
        if ((mode & 02000) != 0) {
            s.append('g');
        }
        if (type == 'c') {
            s.append('c');
        }
        if ((mode & 01000) != 0) {
            s.append('t');
        }
        if (s.isEmpty()) {
            s.append('-');
        }
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return s.toString();
    }

    /** container-structure-test's isExecutableBy: owner, group, other, or any of them. */
    static boolean executableBy(int mode, String who) {
        return switch (who) {
            case "owner" -> (mode & 0100) != 0;
            case "group" -> (mode & 0010) != 0;
            case "other" -> (mode & 0001) != 0;
            default -> (mode & 0111) != 0;
        };
    }
}
