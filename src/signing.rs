//! The ADR entity's Ed25519 keys (R27). A private key lives in a PKCS#8 PEM file readable only
//! by its owner, in the keys directory (or wherever a secret store mounts it), never in the
//! database or the repository; the database keeps the public halves with their validity, so
//! every key ever used can be published and old records keep verifying after a rotation.
use anyhow::{Context, bail};
use base64::Engine;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey, KeypairBytes};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use std::path::{Path, PathBuf};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// One private key, ready to sign.
pub struct EntityKey {
    pub id: String,
    key: SigningKey,
}

/// A key's id: "rk-" and the first 16 hex digits of the SHA-256 of its public key.
pub fn key_id(public: &VerifyingKey) -> String {
    format!("rk-{}", &crate::audit::sha256_hex(public.as_bytes())[..16])
}

/// Where the private key with this id is kept.
pub fn key_file(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.pem"))
}

impl EntityKey {
    pub fn generate() -> Self {
        let key = SigningKey::generate(&mut rand::rngs::OsRng);
        Self {
            id: key_id(&key.verifying_key()),
            key,
        }
    }

    /// PKCS#8 v1 PEM without the public key, the form OpenSSL 3 reads.
    pub fn to_pem(&self) -> anyhow::Result<String> {
        let bytes = KeypairBytes {
            secret_key: self.key.to_bytes(),
            public_key: None,
        };
        Ok(bytes
            .to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
            .map_err(|e| anyhow::anyhow!("cannot encode the key: {e}"))?
            .to_string())
    }

    pub fn from_pem(pem: &str) -> anyhow::Result<Self> {
        let key = SigningKey::from_pkcs8_pem(pem)
            .map_err(|e| anyhow::anyhow!("not an Ed25519 PKCS#8 PEM key: {e}"))?;
        Ok(Self {
            id: key_id(&key.verifying_key()),
            key,
        })
    }

    /// Reads the key `id` from `dir`, refusing a file others may read.
    pub fn load(dir: &Path, id: &str) -> anyhow::Result<Self> {
        let file = key_file(dir, id);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file)
                .with_context(|| format!("signing key {id} is missing: {}", file.display()))?
                .permissions()
                .mode();
            if mode & 0o077 != 0 {
                bail!(
                    "{} may be read by others (mode {:o}); run chmod 600 on it",
                    file.display(),
                    mode & 0o777
                );
            }
        }
        let pem = std::fs::read_to_string(&file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let key = Self::from_pem(&pem)?;
        if key.id != id {
            bail!("{} holds key {}, not {id}", file.display(), key.id);
        }
        Ok(key)
    }

    /// Writes the key into `dir` (created if needed), readable only by its owner.
    pub fn save(&self, dir: &Path) -> anyhow::Result<PathBuf> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let file = key_file(dir, &self.id);
        crate::cli::write_private(&file, &self.to_pem()?)?;
        Ok(file)
    }

    pub fn public_hex(&self) -> String {
        hex::encode(self.key.verifying_key().as_bytes())
    }

    /// The base64 Ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> String {
        B64.encode(self.key.sign(message).to_bytes())
    }
}

/// Whether `signature` (base64) over `message` was made by the key whose public half is
/// `public_hex`.
pub fn verify(public_hex: &str, message: &[u8], signature: &str) -> bool {
    let Some(public) = hex::decode(public_hex)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return false;
    };
    let Some(signature) = B64
        .decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
    else {
        return false;
    };
    public.verify(message, &signature).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_survives_its_pem_file_and_signs_verifiably() {
        let key = EntityKey::generate();
        let pem = key.to_pem().unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"), "{pem}");
        let back = EntityKey::from_pem(&pem).unwrap();
        assert_eq!(back.id, key.id);
        let sig = back.sign(b"record");
        assert!(verify(&key.public_hex(), b"record", &sig));
        assert!(!verify(&key.public_hex(), b"recorD", &sig));
        assert!(!verify(
            &EntityKey::generate().public_hex(),
            b"record",
            &sig
        ));
        assert!(!verify(&key.public_hex(), b"record", "not base64"));
    }

    #[test]
    fn a_key_file_others_may_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let key = EntityKey::generate();
        let file = key.save(dir.path()).unwrap();
        assert_eq!(EntityKey::load(dir.path(), &key.id).unwrap().id, key.id);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let err = EntityKey::load(dir.path(), &key.id).err().unwrap();
            assert!(err.to_string().contains("chmod 600"), "{err}");
        }
    }
}
