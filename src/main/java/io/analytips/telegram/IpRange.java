package io.analytips.telegram;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range ({@code 149.154.160.0/20}, {@code 2001:db8::/32}, or one address) and whether an address is in it. */
record IpRange(byte[] network, int prefix) {

	/** Parses a literal range; errors with {@link IllegalArgumentException} naming it (never a DNS lookup). */
	static IpRange parse(String cidr) {
		String[] parts = cidr.strip().split("/", 2);
		// Literals only: anything else would make InetAddress ask DNS.
		if (!parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") && !parts[0].matches("[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
			throw new IllegalArgumentException("not an IP range: " + cidr);
		}
		try {
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
			if (prefix < 0 || prefix > network.length * 8) {
				throw new IllegalArgumentException("prefix out of range in " + cidr);
			}
			return new IpRange(network, prefix);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("not an IP range: " + cidr, ex);
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != network.length) {
			return false;
		}
		int fullBytes = prefix / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != network[i]) {
				return false;
			}
		}
		int rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
	}
}
