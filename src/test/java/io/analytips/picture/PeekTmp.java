package io.analytips.picture;
class PeekTmp {
	@org.junit.jupiter.api.Test
	void peek() throws Exception {
		java.nio.file.Files.write(java.nio.file.Path.of("target/peek-priced.png"), new PictureRenderer().render(PictureSamples.picture(true)));
		java.nio.file.Files.write(java.nio.file.Path.of("target/peek-plain.png"), new PictureRenderer().render(PictureSamples.picture(false)));
	}
}
