package io.analytips.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who owns an embedded database's folder: a lock on a file beside it ({@code <folder>.lock}, holding the owner's pid),
 * held while this process's embedded PostgreSQL runs on that data and released by the operating system when the
 * process ends, however it ends (SIGKILL too). A second process started on the same folder is refused before it
 * touches the server: without the lock it took the first one's PostgreSQL for the orphan of a killed run, stopped
 * it, and left the running bot without its database.
 */
final class DataFolderLock {

	private final Path file;

	private final FileChannel channel;

	/** Whether this start made the file (removed again with a folder this start made, see {@link #release(boolean)}). */
	private final boolean created;

	private DataFolderLock(Path file, FileChannel channel, boolean created) {
		this.file = file;
		this.channel = channel;
		this.created = created;
	}

	/**
	 * Takes the folder, or throws a {@link DataFolderInUseException} naming the process that has it.
	 *
	 * @param directory the embedded data's folder (absolute)
	 */
	static DataFolderLock take(Path directory) throws IOException {
		Path file = directory.resolveSibling(directory.getFileName() + ".lock");
		boolean created = !Files.exists(file);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException thisProcess) {
			lock = null;
		}
		if (lock == null) {
			String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
			channel.close();
			throw new DataFolderInUseException("Another Analytips process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
					+ " is using the embedded database in " + directory + ": stop it first, or give this one a folder of"
					+ " its own (ANALYTIPS_DATABASE_EMBEDDEDDIRECTORY) or a database of its own (DATABASE_URL)");
		}
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
		return new DataFolderLock(file, channel, created);
	}

	/** Releases the folder; {@code removeFile}: also the lock's file, if this start made it (its folder goes too). */
	void release(boolean removeFile) {
		try {
			channel.close();
			if (removeFile && created) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			// the lock goes with the channel or, at the latest, with the process
		}
	}
}
