// PayPal's column names in the languages it writes (docs/domain.md §3), compared as headers are: case,
// accents, spaces, `-` and `_` folded. Used to recognise the file (layouts.ts) and to read it (paypal.ts).

export const paypalNames = {
  date: ['Date', 'Datum', 'Fecha', 'Data'],
  time: ['Time', 'Uhrzeit', 'Zeit', 'Heure', 'Hora', 'Ora', 'Tijd'],
  name: ['Name', 'Nom', 'Nombre', 'Nome', 'Naam'],
  // The Statement report and German 2023+ have no type column: their description holds the type.
  type: ['Type', 'Typ', 'Tipo', 'Beschreibung', 'Description', 'Descripción', 'Descrição', 'Descrizione', 'Omschrijving'],
  status: ['Status', 'État', 'Estado', 'Stato'],
  currency: ['Currency', 'Währung', 'Devise', 'Divisa', 'Moneda', 'Moeda', 'Valuta'],
  gross: ['Gross', 'Brutto', 'Avant commission', 'Bruto', 'Lordo', 'Amount'],
  fee: ['Fee', 'Gebühr', 'Entgelt', 'Commission', 'Comisión', 'Tarifa', 'Taxa', 'Tariffa', 'Kosten'],
  net: ['Net', 'Netto', 'Neto', 'Líquido'],
  transactionId: [
    'Transaction ID', 'Transaktionscode', 'Numéro de transaction', 'Id. de transacción', 'ID de transacción', 'Código de transacción', 'Código da transação',
    'ID da transação', 'Codice transazione', 'Transactiereferentie', 'Receipt ID',
  ],
  subject: ['Subject', 'Betreff', 'Objet', 'Asunto', 'Assunto', 'Oggetto'],
  note: ['Note', 'Hinweis', 'Nota'],
  itemTitle: ['Item Title', 'Artikelbezeichnung', "Titre de l'objet", 'Título del artículo', 'Título do item'],
  fromEmail: ['From Email Address', 'Absender E-Mail-Adresse', "De l'adresse email", 'Correo electrónico del remitente', 'Endereço de e-mail do remetente'],
} as const;
