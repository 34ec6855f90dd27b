// The page's wiring: two tabbed views (make etcd-cert/, decode a PEM), plain DOM. Everything runs here, in the page.
import { ETCD_DEFAULT_HOSTS, type PlannedFile } from '@cfssl-ts/layout';
import { describePem } from './describe-pem.js';
import { makeEtcdFiles, type KeyChoice } from './make-etcd-files.js';
import { parseHosts } from './parse-hosts.js';
import { renderDescription, renderError } from './render-description.js';
import { zipFiles } from './zip-files.js';

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page has no #${id}`);
  return node;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// WAI-ARIA Authoring Practices "Tabs with automatic activation": arrows, Home and End move between tabs.
function setUpTabs(): void {
  const tabs = [byId('tab-generate', HTMLButtonElement), byId('tab-decode', HTMLButtonElement)];
  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      byId(other.getAttribute('aria-controls') ?? '', HTMLElement).hidden = !selected;
    }
    if (focus) tab.focus();
    history.replaceState(null, '', tab.id === 'tab-decode' ? '#decode' : '#generate');
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length] as HTMLButtonElement, true);
    });
  });
  if (location.hash === '#decode') select(tabs[1] as HTMLButtonElement, false);
}

function showFiles(files: readonly PlannedFile[]): void {
  const list = byId('file-list', HTMLUListElement);
  list.replaceChildren(
    ...files.map((file) => {
      const item = document.createElement('li');
      const size = typeof file.contents === 'string' ? new TextEncoder().encode(file.contents).length : file.contents.length;
      item.textContent = `${file.path} (${size} bytes, mode ${file.mode.toString(8)})`;
      return item;
    }),
  );
}

function setUpGenerate(): void {
  const form = byId('generate-form', HTMLFormElement);
  const hostsField = byId('hosts', HTMLTextAreaElement);
  const hostsError = byId('hosts-error', HTMLParagraphElement);
  const button = byId('generate', HTMLButtonElement);
  const status = byId('generate-status', HTMLParagraphElement);
  const result = byId('generate-result', HTMLDivElement);
  const download = byId('download', HTMLAnchorElement);
  const certificates = byId('certificates', HTMLDivElement);
  hostsField.value = ETCD_DEFAULT_HOSTS.join(',');
  let zipUrl: string | null = null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const hosts = parseHosts(hostsField.value);
    hostsError.hidden = hosts !== null;
    hostsField.setAttribute('aria-invalid', String(hosts === null));
    if (hosts === null) {
      hostsError.textContent = 'Give at least one host: a server certificate needs a DNS name or an IP address.';
      hostsField.focus();
      return;
    }
    const key = (new FormData(form).get('key') === 'ecdsa' ? 'ecdsa' : 'rsa') satisfies KeyChoice;
    button.disabled = true;
    status.textContent = `Making the keys and certificates (${key === 'rsa' ? 'RSA 2048' : 'ECDSA P-256'})…`;
    void makeEtcdFiles(hosts, key)
      .then((files) => {
        if (zipUrl !== null) URL.revokeObjectURL(zipUrl);
        zipUrl = URL.createObjectURL(new Blob([zipFiles('etcd-cert', files)], { type: 'application/zip' }));
        download.href = zipUrl;
        showFiles(files);
        const pem = (name: string): string => String(files.find((f) => f.path === name)?.contents ?? '');
        certificates.replaceChildren(
          renderDescription('CA certificate (ca.pem)', describePem(pem('ca.pem'))),
          renderDescription('Server certificate (server.pem)', describePem(pem('server.pem'))),
        );
        result.hidden = false;
        status.textContent = `Done: ${files.length} files for ${hosts.join(', ')}.`;
        byId('result-heading', HTMLHeadingElement).focus();
      })
      .catch((error: unknown) => {
        result.hidden = true;
        status.replaceChildren(renderError(`Could not make the certificates: ${messageOf(error)}`));
      })
      .finally(() => {
        button.disabled = false;
      });
  });
}

function setUpDecode(): void {
  const form = byId('decode-form', HTMLFormElement);
  const field = byId('pem', HTMLTextAreaElement);
  const fileInput = byId('pem-file', HTMLInputElement);
  const output = byId('decode-result', HTMLDivElement);
  const decode = (): void => {
    try {
      const description = describePem(field.value);
      output.replaceChildren(renderDescription(description.kind === 'csr' ? 'Certificate request' : 'Certificate', description));
    } catch (error) {
      output.replaceChildren(renderError(`Cannot decode this: ${messageOf(error)}`));
    }
  };
  const load = (file: File | undefined): void => {
    if (file === undefined) return;
    void file.text().then((text) => {
      field.value = text;
      decode();
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    decode();
  });
  fileInput.addEventListener('change', () => load(fileInput.files?.[0]));
  field.addEventListener('dragover', (event) => {
    event.preventDefault();
    field.classList.add('dropping');
  });
  field.addEventListener('dragleave', () => field.classList.remove('dropping'));
  field.addEventListener('drop', (event) => {
    event.preventDefault();
    field.classList.remove('dropping');
    load(event.dataTransfer?.files[0]);
  });
}

setUpTabs();
setUpGenerate();
setUpDecode();
