// Passkeys (WebAuthn) for every form marked data-passkey="create" or data-passkey="get": ask the server for options
// (POST data-options-url with the form's antiforgery token), run the browser's prompt, put the answer (JSON, binary
// fields in base64url) into the form's [data-passkey-credential] field and submit the form. The server checks
// everything; this script only carries bytes. Without WebAuthn the forms stay disabled and say why.
(function () {
    'use strict';

    function toBase64Url(buffer) {
        const bytes = new Uint8Array(buffer);
        let text = '';
        for (const b of bytes) {
            text += String.fromCharCode(b);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function fromBase64Url(value) {
        const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
        const text = atob(base64 + '==='.slice((base64.length + 3) % 4));
        return Uint8Array.from(text, c => c.charCodeAt(0)).buffer;
    }

    function descriptors(list) {
        return (list || []).map(c => Object.assign({}, c, { id: fromBase64Url(c.id) }));
    }

    function creationOptions(json) {
        const o = JSON.parse(json);
        o.challenge = fromBase64Url(o.challenge);
        o.user.id = fromBase64Url(o.user.id);
        o.excludeCredentials = descriptors(o.excludeCredentials);
        return o;
    }

    function requestOptions(json) {
        const o = JSON.parse(json);
        o.challenge = fromBase64Url(o.challenge);
        o.allowCredentials = descriptors(o.allowCredentials);
        return o;
    }

    function answerJson(credential) {
        const r = credential.response;
        const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = toBase64Url(r.attestationObject);
            response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
        } else {
            response.authenticatorData = toBase64Url(r.authenticatorData);
            response.signature = toBase64Url(r.signature);
            if (r.userHandle) {
                response.userHandle = toBase64Url(r.userHandle);
            }
        }
        return JSON.stringify({
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
            response: response
        });
    }

    const text = window.clientText || {}; // site.js reads the page's words

    function explain(error, kind) {
        switch (error && error.name) {
            case 'NotAllowedError': return text.passkeyCancelled;
            case 'InvalidStateError': return kind === 'create' ? text.passkeyAlreadyHere : text.passkeyNotHere;
            case 'SecurityError': return text.passkeyWrongSite;
            case 'AbortError': return '';
            default: return text.passkeyFailed;
        }
    }

    async function fetchOptions(form) {
        const response = await fetch(form.dataset.optionsUrl, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!response.ok) {
            throw new Error('options ' + response.status);
        }
        return response.text();
    }

    function setStatus(form, message) {
        const status = form.querySelector('[data-passkey-status]');
        if (status) {
            status.textContent = message || '';
        }
    }

    async function run(form, mediation, signal) {
        const kind = form.dataset.passkey;
        const json = await fetchOptions(form);
        const credential = kind === 'create'
            ? await navigator.credentials.create({ publicKey: creationOptions(json) })
            : await navigator.credentials.get(Object.assign({ publicKey: requestOptions(json) }, mediation ? { mediation: mediation, signal: signal } : {}));
        form.querySelector('[data-passkey-credential]').value = answerJson(credential);
        setStatus(form, text.passkeyChecking);
        form.submit();
    }

    const forms = document.querySelectorAll('form[data-passkey]');
    if (!window.PublicKeyCredential || !navigator.credentials) {
        forms.forEach(form => setStatus(form, text.passkeyUnsupported));
        return;
    }
    let conditional = null;
    forms.forEach(form => {
        form.hidden = false;
        const button = form.querySelector('[data-passkey-button]');
        if (button) {
            button.disabled = false;
        }
        form.addEventListener('submit', async event => {
            if (form.querySelector('[data-passkey-credential]').value) {
                return; // the answer is in: let the form go
            }
            event.preventDefault();
            if (conditional) {
                conditional.abort();
                conditional = null;
            }
            button.disabled = true;
            setStatus(form, text.passkeyWaiting);
            try {
                await run(form);
            } catch (error) {
                setStatus(form, explain(error, form.dataset.passkey));
                button.disabled = false;
            }
        });
    });

    // Autofill on the login page: where the browser supports conditional mediation, the email field offers passkeys.
    const autofill = document.querySelector('form[data-passkey-conditional]');
    if (autofill && PublicKeyCredential.isConditionalMediationAvailable) {
        PublicKeyCredential.isConditionalMediationAvailable().then(available => {
            if (!available) {
                return;
            }
            conditional = new AbortController();
            run(autofill, 'conditional', conditional.signal).catch(error => setStatus(autofill, explain(error, 'get')));
        });
    }
})();
