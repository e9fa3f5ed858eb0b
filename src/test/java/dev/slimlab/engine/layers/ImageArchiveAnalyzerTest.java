package dev.slimlab.engine.layers;

import static dev.slimlab.engine.layers.SavedImages.layer;
import static dev.slimlab.engine.layers.SavedImages.layers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slimlab.engine.api.ImageArchiveAnalysis;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WasteReport;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.engine.layers.SavedImages.Layout;
import dev.slimlab.engine.layers.SavedImages.SavedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageArchiveAnalyzerTest {

    private final ImageArchiveAnalyzer analyzer = new ImageArchiveAnalyzer();

    private ImageArchiveAnalysis analyze(SavedImage image) throws IOException {
        return analyzer.analyze(new ByteArrayInputStream(image.archive()));
    }

    /**
     * Layer 1 writes files; layer 2 deletes one (whiteout), deletes a folder (whiteout), makes a
     * folder opaque and rewrites a file bigger; layer 3 rewrites it smaller.
     */
    static List<byte[]> handComputedLayers() {
        return layers(
                layer().dir("etc").file("etc/config", 100)
                        .dir("app").file("app/big.bin", 1000).file("app/keep.txt", 10)
                        .dir("opt").dir("opt/data").file("opt/data/a", 200).file("opt/data/b", 300)
                        .dir("cache").file("cache/x", 70).dir("cache/y").file("cache/y/z", 30)
                        .dir("bin").symlink("bin/sh", "dash"),
                layer().dir("app").whiteout("app/big.bin")
                        .dir("etc").file("etc/config", 250)
                        .dir("opt/data").opaque("opt/data").file("opt/data/c", 50)
                        .whiteout("cache"),
                layer().dir("etc").file("etc/config", 40));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void handComputedEfficiencyWasteAndCompressedSizesInEveryLayout(Layout layout) throws IOException {
        SavedImage image = SavedImages.save(layout, handComputedLayers());

        ImageArchiveAnalysis analysis = analyze(image);

        WasteReport waste = analysis.waste();
        // layer bytes: 100+1000+10+200+300+70+30 = 1710; 250+50 = 300; 40
        assertThat(waste.totalLayerBytes()).isEqualTo(2050);
        // per path min / sum: etc/config 40/390, app/big.bin 0/1000, app/keep.txt 10/10, opt/data/a 0/200,
        // opt/data/b 0/300, opt/data/c 50/50, cache/x 0/70, cache/y/z 0/30, bin/sh 0/0
        assertThat(waste.efficiency()).isCloseTo(100.0 / 2050.0, within(1e-12));
        assertThat(waste.wastedBytes()).isEqualTo(390 + 1000 + 200 + 300 + 70 + 30);
        assertThat(waste.userWastedPercent()).isCloseTo(100.0 * 1990 / (300 + 40), within(1e-9));
        assertThat(waste.topWastedFiles()).containsExactly(
                new WastedFile("/app/big.bin", 2, 1000),
                new WastedFile("/etc/config", 3, 390),
                new WastedFile("/opt/data/b", 2, 300),
                new WastedFile("/opt/data/a", 2, 200),
                new WastedFile("/cache/x", 2, 70),
                new WastedFile("/cache/y/z", 2, 30));

        assertThat(analysis.compressedLayerBytes()).isEqualTo(image.expectedCompressedLayerBytes());
        assertThat(analysis.compressedBytes())
                .isEqualTo(image.expectedCompressedLayerBytes().stream().mapToLong(Long::longValue).sum());
        assertThat(analysis.packages()).isEmpty();
    }

    @Test
    void aFileWrittenInOneLayerAndDeletedInTheNextIsAllWaste() throws IOException {
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers(
                layer().file("tmp/big", 1000).file("etc/keep", 100),
                layer().whiteout("tmp/big").file("etc/new", 50)));

        WasteReport waste = analyze(image).waste();

        assertThat(waste.totalLayerBytes()).isEqualTo(1150);
        assertThat(waste.efficiency()).isCloseTo(150.0 / 1150.0, within(1e-12));
        assertThat(waste.wastedBytes()).isEqualTo(1000);
        assertThat(waste.userWastedPercent()).isCloseTo(2000.0, within(1e-9));
        assertThat(waste.topWastedFiles()).containsExactly(new WastedFile("/tmp/big", 2, 1000));
    }

    @Test
    void noRepeatedPathMeansFullEfficiencyAndNoWaste() throws IOException {
        SavedImage image = SavedImages.save(Layout.OCI_INDEX_LAST, layers(
                layer().file("a", 10).file("b", 20), layer().file("c", 30), layer()));

        ImageArchiveAnalysis analysis = analyze(image);

        assertThat(analysis.waste().efficiency()).isEqualTo(1.0);
        assertThat(analysis.waste().wastedBytes()).isZero();
        assertThat(analysis.waste().userWastedPercent()).isZero();
        assertThat(analysis.waste().topWastedFiles()).isEmpty();
        assertThat(analysis.compressedLayerBytes()).hasSize(3).isEqualTo(image.expectedCompressedLayerBytes());
    }

    @Test
    void anEmptyImageIsFullyEfficient() throws IOException {
        ImageArchiveAnalysis analysis = analyze(SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers(layer())));

        assertThat(analysis.waste().totalLayerBytes()).isZero();
        assertThat(analysis.waste().efficiency()).isEqualTo(1.0);
        assertThat(analysis.compressedLayerBytes()).containsExactly(SavedImages.gzipLength(layer().build(), 6));
    }

    @Test
    void theTopWastedFilesListIsCutAtTheConfiguredLength() throws IOException {
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, handComputedLayers());

        WasteReport waste = analyzer.withTopWastedFiles(2).analyze(new ByteArrayInputStream(image.archive())).waste();

        assertThat(waste.topWastedFiles()).extracting(WastedFile::path).containsExactly("/app/big.bin", "/etc/config");
        assertThat(waste.wastedBytes()).isEqualTo(1990);
    }

    @Test
    void theGzipLevelIsConfigurable() throws IOException {
        List<byte[]> layers = layers(layer().file("text", "hello hello hello hello ".repeat(500)));
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers);

        ImageArchiveAnalysis fast = analyzer.withCompressionLevel(1).analyze(new ByteArrayInputStream(image.archive()));
        ImageArchiveAnalysis best = analyzer.withCompressionLevel(9).analyze(new ByteArrayInputStream(image.archive()));

        assertThat(fast.compressedBytes()).isEqualTo(SavedImages.gzipLength(layers.get(0), 1));
        assertThat(best.compressedBytes()).isEqualTo(SavedImages.gzipLength(layers.get(0), 9));
        assertThat(analyzer.compressionLevel()).isEqualTo(6);
        assertThatThrownBy(() -> analyzer.withCompressionLevel(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"DOCKER_LAYERS_FIRST", "DOCKER_25", "OCI_INDEX_FIRST_GZIP"})
    void aLayerListedTwiceIsStackedTwiceButTransferredOnce(Layout layout) throws IOException {
        List<byte[]> layers = layers(layer().file("a", 10), layer().dir("empty"), layer().dir("empty"));
        SavedImage image = SavedImages.save(layout, layers);

        ImageArchiveAnalysis analysis = analyze(image);

        assertThat(analysis.compressedLayerBytes()).isEqualTo(image.expectedCompressedLayerBytes());
        assertThat(analysis.compressedLayerBytes().get(1)).isEqualTo(analysis.compressedLayerBytes().get(2));
        assertThat(analysis.compressedBytes())
                .isEqualTo(analysis.compressedLayerBytes().get(0) + analysis.compressedLayerBytes().get(1));
        assertThat(analysis.waste().efficiency()).isEqualTo(1.0);
    }

    @Test
    void aFolderReplacedByAFileAndAFileReplacedByAFolderDeleteWhatWasThere() throws IOException {
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers(
                layer().file("srv/www/index.html", 100).file("srv/conf", 20),
                layer().symlink("srv/www", "/var/www").dir("srv/conf").file("srv/conf/app.ini", 5)));

        WasteReport waste = analyze(image).waste();

        // srv/www/index.html 100 then 0; srv/conf 20 then 0; srv/www 0; srv/conf/app.ini 5
        assertThat(waste.wastedBytes()).isEqualTo(120);
        assertThat(waste.efficiency()).isCloseTo(5.0 / 125.0, within(1e-12));
    }

    // ---- packages --------------------------------------------------------------------------

    static final String DPKG_BOTH = """
            Package: foo
            Status: install ok installed
            Priority: optional
            Installed-Size: 4
            Version: 1.0-1
            Description: foo
             a long description
             .
             more of it

            Package: bar
            Status: install ok installed
            Installed-Size: 2
            Version: 2.3

            Package: baz
            Status: deinstall ok config-files
            Installed-Size: 9
            Version: 0.1
            """;

    static final String DPKG_FOO_ONLY = """
            Package: foo
            Status: install ok installed
            Priority: optional
            Installed-Size: 4
            Version: 1.0-1
            Description: foo
             a long description
            """;

    static final String APK_DB = """
            C:Q1abc=
            P:musl
            V:1.2.4-r2
            A:x86_64
            S:383152
            I:622592
            T:the musl c library

            C:Q1def=
            P:busybox
            V:1.36.1-r5
            I:946176
            """;

    static final String REQUESTS_METADATA = """
            Metadata-Version: 2.1
            Name: requests
            Version: 2.31.0
            Summary: Python HTTP for Humans.

            Name: not-a-header
            """;

    static final String REQUESTS_RECORD = """
            requests/__init__.py,sha256=abc,4965
            requests/api.py,sha256=def,6449
            requests-2.31.0.dist-info/RECORD,,
            "requests/odd,name.py",sha256=x,100
            """;

    static final String LEFT_PAD_JSON = "{\"name\":\"left-pad\",\"version\":\"1.3.0\",\"main\":\"index.js\"}";
    static final String LEFT_PAD_LIB_JSON = "{\"type\":\"module\"}";
    static final String INNER_JSON = "{\"name\":\"inner\",\"version\":\"0.0.1\"}";
    static final String SCOPED_JSON = "{\"name\":\"@scope/pkg\",\"version\":\"2.0.0\"}";

    static List<byte[]> packageLayers() {
        String site = "usr/local/lib/python3.11/site-packages/";
        return layers(
                layer().file("var/lib/dpkg/status", DPKG_BOTH).file("lib/apk/db/installed", APK_DB),
                layer().file("var/lib/dpkg/status", DPKG_FOO_ONLY)
                        .file(site + "requests-2.31.0.dist-info/METADATA", REQUESTS_METADATA)
                        .file(site + "requests-2.31.0.dist-info/RECORD", REQUESTS_RECORD)
                        .file(site + "gone-1.0.dist-info/METADATA", "Name: gone\nVersion: 1.0\n")
                        .file("usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO",
                                "Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\n")
                        .file("usr/lib/python3/dist-packages/distro_info-1.5.egg-info",
                                "Metadata-Version: 1.1\nName: distro-info\nVersion: 1.5\n")
                        .file("app/node_modules/left-pad/package.json", LEFT_PAD_JSON)
                        .file("app/node_modules/left-pad/index.js", 123)
                        .file("app/node_modules/left-pad/lib/package.json", LEFT_PAD_LIB_JSON)
                        .file("app/node_modules/left-pad/node_modules/inner/package.json", INNER_JSON)
                        .file("app/node_modules/@scope/pkg/package.json", SCOPED_JSON)
                        .symlink("app/node_modules/.bin/left-pad", "../left-pad/index.js"),
                layer().whiteout("app/node_modules/@scope").whiteout(site + "gone-1.0.dist-info"));
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"DOCKER_LAYERS_FIRST", "DOCKER_MANIFEST_FIRST", "OCI_NESTED_INDEX_GZIP"})
    void packagesOfTheFinalFilesystem(Layout layout) throws IOException {
        ImageArchiveAnalysis analysis = analyze(SavedImages.save(layout, packageLayers()));

        long leftPadBytes = LEFT_PAD_JSON.length() + 123 + LEFT_PAD_LIB_JSON.length();
        assertThat(analysis.packages()).containsExactly(
                new InstalledPackage("apk", "busybox", "1.36.1-r5", 946176),
                new InstalledPackage("apk", "musl", "1.2.4-r2", 622592),
                new InstalledPackage("dpkg", "foo", "1.0-1", 4 * 1024),
                new InstalledPackage("npm", "inner", "0.0.1", INNER_JSON.length()),
                new InstalledPackage("npm", "left-pad", "1.3.0", leftPadBytes),
                new InstalledPackage("pip", "distro-info", "1.5", 0),
                new InstalledPackage("pip", "requests", "2.31.0", 4965 + 6449 + 100),
                new InstalledPackage("pip", "six", "1.16.0", 0));
        // the rewritten dpkg status is waste too
        assertThat(analysis.waste().topWastedFiles()).extracting(WastedFile::path).contains("/var/lib/dpkg/status");
    }

    @Test
    void aPackageDatabaseOverTheLimitIsSkipped() throws IOException {
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers(
                layer().file("var/lib/dpkg/status", DPKG_BOTH).file("lib/apk/db/installed", APK_DB)));

        ImageArchiveAnalysis analysis = analyzer.withMaxMetadataFileBytes(APK_DB.length())
                .analyze(new ByteArrayInputStream(image.archive()));

        assertThat(analysis.packages()).extracting(InstalledPackage::manager).containsOnly("apk");
        assertThat(analysis.waste().totalLayerBytes())
                .isEqualTo(DPKG_BOTH.getBytes(StandardCharsets.UTF_8).length + APK_DB.length());
    }

    @Test
    void distrolessStatusDListsItsPackages() throws IOException {
        SavedImage image = SavedImages.save(Layout.DOCKER_LAYERS_FIRST, layers(layer()
                .file("var/lib/dpkg/status.d/libc6", "Package: libc6\nVersion: 2.36-9\nInstalled-Size: 12000\n")
                .file("var/lib/dpkg/status.d/libc6.md5sums", "abc  lib/x86_64-linux-gnu/libc.so.6\n")));

        assertThat(analyze(image).packages())
                .containsExactly(new InstalledPackage("dpkg", "libc6", "2.36-9", 12000L * 1024));
    }

    // ---- what is not an image archive ------------------------------------------------------

    @Test
    void aLayerTheManifestListsButTheArchiveLacksIsAnError() throws IOException {
        SavedImages.Outer out = new SavedImages.Outer();
        out.file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"abc/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> analyzer.analyze(new ByteArrayInputStream(out.build())))
                .isInstanceOf(IOException.class).hasMessageContaining("abc/layer.tar").hasMessageContaining("not in the archive");
    }

    @Test
    void anArchiveOfTwoImagesIsRefused() throws IOException {
        SavedImages.Outer out = new SavedImages.Outer();
        out.file("manifest.json", "[{\"Layers\":[]},{\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> analyzer.analyze(new ByteArrayInputStream(out.build())))
                .isInstanceOf(IOException.class).hasMessageContaining("2 images");
    }

    @Test
    void aTarWithoutManifestOrIndexIsNotAnImageArchive() throws IOException {
        SavedImages.Outer out = new SavedImages.Outer();
        out.file("hello.txt", "hi".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> analyzer.analyze(new ByteArrayInputStream(out.build())))
                .isInstanceOf(IOException.class).hasMessageContaining("neither manifest.json nor index.json");
        assertThatThrownBy(() -> analyzer.analyze(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aZstdLayerIsReportedAsUnreadable() throws IOException {
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0};
        String digest = SavedImages.sha256(zstd);
        byte[] manifest = ("{\"schemaVersion\":2,\"layers\":[{\"digest\":\"sha256:" + digest + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:" + SavedImages.sha256(manifest) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        SavedImages.Outer out = new SavedImages.Outer();
        out.file("blobs/sha256/" + digest, zstd);
        out.file("blobs/sha256/" + SavedImages.sha256(manifest), manifest);
        out.file("index.json", index);

        assertThatThrownBy(() -> analyzer.analyze(new ByteArrayInputStream(out.build())))
                .isInstanceOf(IOException.class).hasMessageContaining("zstd");
    }
}
